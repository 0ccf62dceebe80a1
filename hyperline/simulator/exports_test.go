package simulator

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// postExport sends POST /v1/exports with a raw JSON body in company.
func postExport(t *testing.T, sim *Running, tok, company, body string) (*http.Response, []byte) {
	t.Helper()
	h := http.Header{"Content-Type": {"application/json"}, "Authorization": {"Bearer " + tok}, companyHeader: {company}}
	return do(t, http.MethodPost, sim.URL+"/v1/exports", h, strings.NewReader(body))
}

// TestExportLifecycle creates an all_customers export, polls it from
// pending through processing to done (one step per poll, no clock), lists
// it, and downloads the file through the spec's 302: one CSV row per
// customer of the company, in the API's order, and nothing of another
// company.
func TestExportLifecycle(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{Seed: 3, Scale: 0.1})
	tok := login(t, sim).AccessToken
	co := sim.Companies()[1]

	resp, body := postExport(t, sim, tok, co.ID, `{"name":"all_customers","file_type":"csv"}`)
	wantStatus(t, resp, body, http.StatusCreated)
	checkSpec(t, "/paths/~1v1~1exports/post/responses/201/content/application~1json/schema", body)
	e := decode[exportJSON](t, body)
	if e.Status != "pending" || e.Name != "all_customers" || e.FileType != "csv" {
		t.Fatalf("created %+v, want a pending all_customers csv", e)
	}

	resp, body = get(t, sim.URL+"/v2/exports/"+e.ID+"/download", tok, co.ID)
	wantStatus(t, resp, body, http.StatusConflict)
	for _, want := range []string{"processing", "done", "done"} {
		resp, body = get(t, sim.URL+"/v1/exports/"+e.ID, tok, co.ID)
		wantStatus(t, resp, body, http.StatusOK)
		checkSpec(t, responsePointer("/v1/exports/{exportId}", "200"), body)
		if got := decode[exportJSON](t, body).Status; got != want {
			t.Fatalf("poll: status %q, want %q", got, want)
		}
	}
	resp, body = get(t, sim.URL+"/v1/exports?take=10", tok, co.ID)
	wantStatus(t, resp, body, http.StatusOK)
	checkSpec(t, responsePointer("/v1/exports", "200"), body)
	if l := decode[listEnvelope[exportJSON]](t, body); l.Meta.Total != 1 || l.Data[0].ID != e.ID {
		t.Fatalf("list: %+v", l)
	}
	// Another company sees neither the export nor its download.
	other := sim.Companies()[0].ID
	resp, body = get(t, sim.URL+"/v1/exports/"+e.ID, tok, other)
	wantStatus(t, resp, body, http.StatusNotFound)
	checkSpec(t, responsePointer("/v1/exports/{exportId}", "404"), body)

	// The download redirects (302) to a URL that needs its token only.
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	req, _ := http.NewRequest(http.MethodGet, sim.URL+"/v2/exports/"+e.ID+"/download", nil)
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set(companyHeader, co.ID)
	r302, err := noFollow.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	r302.Body.Close()
	loc := r302.Header.Get("Location")
	if r302.StatusCode != http.StatusFound || !strings.Contains(loc, "/files/exports/"+e.ID+"?token=") {
		t.Fatalf("download: %d to %q, want 302 to the file", r302.StatusCode, loc)
	}
	resp, body = get(t, strings.Replace(loc, "token=", "token=x", 1), "", "")
	wantStatus(t, resp, body, http.StatusForbidden)
	resp, body = get(t, loc, "", "")
	wantStatus(t, resp, body, http.StatusOK)
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("file is not CSV: %v", err)
	}
	if len(rows) != co.Customers+1 || strings.Join(rows[0], ",") != strings.Join(exportCustomerColumns(), ",") {
		t.Fatalf("file has %d rows (header %v), want %d customers and the header", len(rows)-1, rows[0], co.Customers)
	}
	pg := cursorGet[customerJSON](t, sim, "/v2/customers?limit=3&order=asc", tok, co.ID)
	for k, c := range pg.Data {
		if rows[k+1][0] != c.ID || rows[k+1][1] != c.Name {
			t.Fatalf("row %d is %v, want customer %s %q", k+1, rows[k+1][:2], c.ID, c.Name)
		}
	}
}

// TestExportJSONFile: a json export is the API's Customer objects.
func TestExportJSONFile(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{Seed: 3, Scale: 0.05})
	tok := login(t, sim).AccessToken
	co := sim.Companies()[1]
	resp, body := postExport(t, sim, tok, co.ID, `{"name":"all_customers","file_type":"json"}`)
	wantStatus(t, resp, body, http.StatusCreated)
	id := decode[exportJSON](t, body).ID
	get(t, sim.URL+"/v1/exports/"+id, tok, co.ID)
	get(t, sim.URL+"/v1/exports/"+id, tok, co.ID)
	resp, body = get(t, sim.URL+"/v2/exports/"+id+"/download", tok, co.ID)
	wantStatus(t, resp, body, http.StatusOK)
	var all []map[string]any
	if err := json.Unmarshal(body, &all); err != nil || len(all) != co.Customers {
		t.Fatalf("json file: %d customers, %v; want %d", len(all), err, co.Customers)
	}
	for _, c := range all[:min(3, len(all))] {
		b, _ := json.Marshal(c)
		checkSpec(t, "/components/schemas/Customer", b)
	}
}

// TestExportRejectsBadBodies: the two required fields, their enums, JSON
// only, and no field the spec does not list (an export takes no filter).
func TestExportRejectsBadBodies(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{Seed: 3, Scale: 0.05})
	tok := login(t, sim).AccessToken
	co := sim.Companies()[0].ID
	for _, tc := range []struct{ body, msg string }{
		{`{"file_type":"csv"}`, "name is required"},
		{`{"name":"all_customers"}`, "file_type is required"},
		{`{"name":"every_customer","file_type":"csv"}`, "name is required"},
		{`{"name":"all_customers","file_type":"pdf"}`, "file_type is required"},
		{`{"name":"all_customers","file_type":"csv","status":"active"}`, `Unknown field "status"`},
		{`[1]`, ""},
		{`not json`, ""},
	} {
		resp, body := postExport(t, sim, tok, co, tc.body)
		wantStatus(t, resp, body, http.StatusBadRequest)
		if tc.msg != "" {
			wantMessage(t, body, tc.msg)
		}
	}
	// An export the simulator does not build ends in the spec's error.
	resp, body := postExport(t, sim, tok, co, `{"name":"revenue_per_plan","file_type":"csv"}`)
	wantStatus(t, resp, body, http.StatusCreated)
	id := decode[exportJSON](t, body).ID
	get(t, sim.URL+"/v1/exports/"+id, tok, co)
	_, body = get(t, sim.URL+"/v1/exports/"+id, tok, co)
	if st := decode[exportJSON](t, body).Status; st != "error" {
		t.Fatalf("revenue_per_plan: status %q, want error", st)
	}
}
