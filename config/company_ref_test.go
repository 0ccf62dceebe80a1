package config

import (
	"errors"
	"testing"
)

func TestFindCompany(t *testing.T) {
	t.Parallel()
	cs := []Company{
		{ID: "cmp_1", Name: "Globex Cloud Inc."},
		{ID: "cmp_2", Name: "Globex Labs"},
		{ID: "cmp_3", Name: "Initech"},
		{ID: "cmp_4", Name: "initech"},
		{ID: "cmp_5", Name: "Société Générale"},
	}
	for _, tt := range []struct {
		ref, want string
		err       error
	}{
		{"cmp_2", "cmp_2", nil},
		{"globex cloud inc.", "cmp_1", nil},
		{"GLOBEX C", "cmp_1", nil},
		{"  Globex Labs ", "cmp_2", nil},
		{"société", "cmp_5", nil},
		{"Globex", "", ErrCompanyAmbiguous},
		{"initech", "", ErrCompanyAmbiguous},
		{"no such company", "", ErrCompanyNotFound},
		{"", "", ErrCompanyNotFound},
		{"CMP_2", "", ErrCompanyNotFound},
	} {
		got, err := FindCompany(cs, tt.ref)
		if !errors.Is(err, tt.err) || got.ID != tt.want {
			t.Errorf("FindCompany(%q) = %q, %v; want %q, %v", tt.ref, got.ID, err, tt.want, tt.err)
		}
		var refErr *CompanyRefError
		if tt.err != nil && (!errors.As(err, &refErr) || len(refErr.Choices()) == 0) {
			t.Errorf("FindCompany(%q): %v offers no choices", tt.ref, err)
		}
	}
}
