package hyperline

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// exchange is one recorded HTTP request and its answer.
type exchange struct {
	method, path string
	query        map[string][]string
	status       int
	contentType  string
	body         []byte
}

// recorder is a RoundTripper that keeps every exchange the client makes.
type recorder struct {
	base http.RoundTripper
	mu   sync.Mutex
	log  []exchange
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := r.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	r.mu.Lock()
	r.log = append(r.log, exchange{method: req.Method, path: req.URL.Path, query: req.URL.Query(),
		status: resp.StatusCode, contentType: resp.Header.Get("Content-Type"), body: body})
	r.mu.Unlock()
	return resp, nil
}

// TestSpecContract sends the client's real requests to the simulator and
// checks every one against the spec extract: the path is a documented
// operation, every query parameter is declared with a value its schema
// allows, and every answer's status is documented and its JSON body is
// valid for the documented schema, with no field the schema lacks.
func TestSpecContract(t *testing.T) {
	t.Parallel()
	sp := loadSpec(t)
	sim := startSim(t, simulator.Config{Seed: 7, Scale: 0.2})
	rec := &recorder{base: http.DefaultTransport}
	c, _ := simClient(t, sim, false, WithHTTPClient(&http.Client{Transport: rec}))
	ctx := context.Background()
	company := sim.Companies()[1].ID
	cc := c.Company(company)

	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	_, err := c.UserInfo(ctx)
	must("userinfo", err)
	_, err = c.AllCompanies(ctx)
	must("companies", err)

	// Customers: two cursor pages, then the sorts, search and filters.
	p, err := cc.ListCustomers(ctx, CustomerListOptions{ListOptions: ListOptions{Take: 20, WithTotal: true}})
	must("customers", err)
	_, err = cc.ListCustomers(ctx, CustomerListOptions{ListOptions: p.NextOptions()})
	must("customers page 2", err)
	for _, srt := range []Sort{{SortCreatedAt, Ascending}, {SortUpdatedAt, Descending}} {
		_, err = cc.ListCustomers(ctx, CustomerListOptions{ListOptions: ListOptions{Take: 5}, Sort: srt})
		must("customers sorted", err)
	}
	_, err = cc.AllCustomers(ctx, CustomerListOptions{})
	must("customers by creation windows", err)
	cus := p.Items[0]
	_, err = cc.ListCustomers(ctx, CustomerListOptions{Search: cus.Name[:3], Status: []string{CustomerActive, "inactive"}})
	must("customer search", err)
	if cus.BillingEmail != nil {
		_, err = cc.ListCustomers(ctx, CustomerListOptions{BillingEmail: *cus.BillingEmail})
		must("customers by email", err)
	}
	_, err = cc.GetCustomer(ctx, cus.ID)
	must("customer", err)
	_, err = cc.CustomerPortalURL(ctx, cus.ID)
	must("portal", err)
	for _, it := range p.Items {
		_, err = cc.ListPaymentMethods(ctx, it.ID)
		must("payment methods", err)
	}
	ap, err := cc.ListAuditLogs(ctx, AuditLogListOptions{ListOptions: ListOptions{Take: 5, WithTotal: true}, CustomerID: cus.ID})
	must("audit logs of a customer", err)
	if ap.NextCursor != "" {
		_, err = cc.ListAuditLogs(ctx, AuditLogListOptions{ListOptions: ap.NextOptions(), CustomerID: cus.ID})
		must("audit logs page 2", err)
	}
	_, err = cc.ListAuditLogs(ctx, AuditLogListOptions{ListOptions: ListOptions{Take: 20}})
	must("audit logs of the company", err)
	if _, err := cc.GetCustomer(ctx, "cus_nosuchcustomer"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown customer: %v", err)
	}

	// Subscriptions: offset pages, every status, one customer's.
	sp1, err := cc.ListSubscriptions(ctx, SubscriptionListOptions{ListOptions: ListOptions{Take: 10}, Status: []SubscriptionStatus{StatusAny}})
	must("subscriptions", err)
	_, err = cc.ListSubscriptions(ctx, SubscriptionListOptions{ListOptions: sp1.NextOptions(), Status: []SubscriptionStatus{SubscriptionInactive, SubscriptionActive}})
	must("subscriptions page 2", err)
	if len(sp1.Items) > 0 {
		_, err = cc.GetSubscription(ctx, sp1.Items[0].ID)
		must("subscription", err)
		_, err = cc.ListSubscriptions(ctx, SubscriptionListOptions{CustomerID: sp1.Items[0].CustomerID})
		must("subscriptions of a customer", err)
	}

	// Invoices: cursor pages, every status, sorts and filters.
	ip, err := cc.ListInvoices(ctx, InvoiceListOptions{ListOptions: ListOptions{Take: 20, WithTotal: true}, Status: []string{InvoiceFilterAll}})
	must("invoices", err)
	_, err = cc.ListInvoices(ctx, InvoiceListOptions{ListOptions: ip.NextOptions(), Status: []string{InvoiceFilterAll}})
	must("invoices page 2", err)
	_, err = cc.ListInvoices(ctx, InvoiceListOptions{Sort: Sort{SortEmittedAt, Ascending}, Status: []string{InvoiceFilterLate, string(InvoicePaid)}})
	must("invoices sorted", err)
	_, err = cc.ListInvoices(ctx, InvoiceListOptions{NumberContains: "1", IssuedFrom: time.Now().AddDate(-1, 0, 0),
		Status: []string{InvoiceFilterFinalized}, Type: []string{"refund"}})
	must("invoices searched by number and date", err)
	_, err = cc.ListInvoices(ctx, InvoiceListOptions{Status: []string{InvoiceFilterLate, InvoiceFilterOutstanding},
		DueFrom: time.Now().AddDate(0, -3, 0), DueBefore: time.Now()})
	must("invoices due in a window", err)
	tp, err := cc.ListTransactions(ctx, ListOptions{Take: 20, WithTotal: true})
	must("transactions", err)
	_, err = cc.ListTransactions(ctx, tp.NextOptions())
	must("transactions page 2", err)
	if len(tp.Items) > 0 {
		tx, err := cc.GetTransaction(ctx, tp.Items[0].ID)
		must("transaction", err)
		if tx.ID != tp.Items[0].ID || len(tx.Raw) == 0 {
			t.Fatalf("GET /v1/transactions/{id} gave %s with %d bytes of JSON", tx.ID, len(tx.Raw))
		}
	}
	_, err = cc.ListCustomers(ctx, CustomerListOptions{Status: []string{"all", "imported"},
		CreatedFrom: time.Now().AddDate(-2, 0, 0), CreatedBefore: time.Now()})
	must("customers created in a window", err)
	_, err = cc.ListCustomers(ctx, CustomerListOptions{ListOptions: ListOptions{Take: 1, WithTotal: true},
		PaymentMethodType: []string{PaymentMethodErrored}})
	must("customers whose payment method errored (a worklist's count)", err)
	_, err = cc.ListCustomers(ctx, CustomerListOptions{PaymentMethodType: []string{PaymentMethodMissing, PaymentCard}})
	must("customers by payment method types", err)
	if len(ip.Items) > 0 {
		inv := ip.Items[0]
		_, err = cc.ListInvoices(ctx, InvoiceListOptions{CustomerID: inv.Customer.ID, Number: inv.Number})
		must("invoices of a customer", err)
		_, err = cc.GetInvoice(ctx, inv.ID)
		must("invoice", err)
		_, err = cc.DownloadInvoice(ctx, inv.ID, io.Discard)
		must("download", err)
	}
	// The asynchronous export: create, poll to done, list, download.
	ex, err := cc.CreateExport(ctx, ExportAllCustomers, ExportCSV)
	must("create export", err)
	for !ex.Finished() {
		ex, err = cc.GetExport(ctx, ex.ID)
		must("export status", err)
	}
	_, err = cc.ListExports(ctx, ListOptions{Take: 5})
	must("exports", err)
	_, err = cc.DownloadExport(ctx, ex.ID, io.Discard)
	must("download export", err)

	rec.mu.Lock()
	defer rec.mu.Unlock()
	if len(rec.log) < 20 {
		t.Fatalf("only %d exchanges recorded", len(rec.log))
	}
	for _, ex := range rec.log {
		if strings.HasPrefix(ex.path, "/files/") {
			continue // the short-lived URL an export's 302 leads to, not the API
		}
		tpl, op := sp.operation(ex.method, ex.path)
		if op == nil {
			t.Errorf("%s %s is not an operation of the spec", ex.method, ex.path)
			continue
		}
		for _, p := range sp.checkQuery(ex.method, tpl, op, ex.query) {
			t.Error(p)
		}
		for _, p := range sp.checkResponse(ex.method, tpl, op, ex.status, ex.body) {
			t.Error(p)
		}
	}
}

// TestSpecContractCatchesDrift proves the checks bite: a renamed field, an
// unknown enum value and an undeclared parameter each fail.
func TestSpecContractCatchesDrift(t *testing.T) {
	t.Parallel()
	sp := loadSpec(t)
	tpl, op := sp.operation(http.MethodGet, "/v2/customers")
	if tpl != "/v2/customers" || op == nil {
		t.Fatalf("operation lookup: %q", tpl)
	}
	if p := sp.checkQuery("GET", tpl, op, map[string][]string{"limit": {"10"}, "order": {"desc"}}); len(p) != 0 {
		t.Fatalf("valid query refused: %v", p)
	}
	for _, q := range []map[string][]string{{"customerId": {"x"}}, {"order": {"newest"}}, {"limit": {"1000"}}, {"take": {"10"}}} {
		if p := sp.checkQuery("GET", tpl, op, q); len(p) == 0 {
			t.Errorf("query %v passed", q)
		}
	}
	ok := `{"data":[],"next_cursor":null,"has_more":false}`
	if p := sp.checkResponse("GET", tpl, op, 200, []byte(ok)); len(p) != 0 {
		t.Fatalf("valid body refused: %v", p)
	}
	for _, body := range []string{
		`{"data":[],"nextCursor":null,"has_more":false}`, // renamed
		`{"data":[],"next_cursor":null,"has_more":false,"extra":1}`,
		`{"data":[],"next_cursor":null,"has_more":"no"}`,
	} {
		if p := sp.checkResponse("GET", tpl, op, 200, []byte(body)); len(p) == 0 {
			t.Errorf("body %s passed", body)
		}
	}
	tpl, op = sp.operation(http.MethodGet, "/v2/invoices/inv_1")
	if tpl != "/v2/invoices/{id}" {
		t.Fatalf("template %q", tpl)
	}
	if p := sp.checkResponse("GET", tpl, op, 500, []byte(`{"message":"x"}`)); len(p) == 0 {
		t.Error("an undocumented status passed")
	}
	if tpl, _ := sp.operation(http.MethodGet, "/v1/invoices/inv_1/download"); tpl != "" {
		t.Errorf("a path the spec lacks matched %q", tpl)
	}
}

// TestModelsMatchSpec: every JSON field the client's models read is a field
// of the spec's schema for that object, at every depth, so a model cannot
// read a name the API does not send.
func TestModelsMatchSpec(t *testing.T) {
	t.Parallel()
	sp := loadSpec(t)
	get := func(path string) any {
		return sp.at("paths", path, "get", "responses", "200", "content", "application/json", "schema")
	}
	items := func(list any) any {
		for _, b := range sp.branches(list, nil) {
			if p, ok := b["properties"].(map[string]any); ok && p["data"] != nil {
				return p["data"].(map[string]any)["items"]
			}
		}
		return nil
	}
	// A model serves a list and a single GET: each field must be in one
	// of the two schemas (the single GET's detail fields are not listed).
	cases := []struct {
		model   any
		schemas []any
	}{
		{Customer{}, []any{get("/v2/customers/{id}"), items(get("/v2/customers"))}},
		{Invoice{}, []any{get("/v2/invoices/{id}"), items(get("/v2/invoices"))}},
		{Subscription{}, []any{get("/v2/subscriptions/{id}"), items(get("/v2/subscriptions"))}},
		{Company{}, []any{items(get("/v1/companies"))}},
		{Wallet{}, []any{items(get("/v2/wallets"))}},
		{ListedTransaction{}, []any{items(get("/v1/transactions"))}},
		{AuditLog{}, []any{items(get("/v1/audit-logs"))}},
		{PaymentMethod{}, []any{items(get("/v1/customers/{id}/payment-methods"))}},
		{Analytics{}, []any{get("/v1/analytics")}},
		{UserInfo{}, []any{get("/oauth/userinfo")}},
		{Export{}, []any{get("/v1/exports/{exportId}")}},
	}
	for _, tc := range cases {
		for _, sch := range tc.schemas {
			if sch == nil {
				t.Fatalf("%T: no schema found in the extract", tc.model)
			}
		}
		for _, p := range sp.modelFields(reflect.TypeOf(tc.model), tc.schemas, reflect.TypeOf(tc.model).Name()) {
			t.Error(p)
		}
	}
}

// leafTypes decode themselves from one JSON value: the check stops there.
var leafTypes = []reflect.Type{reflect.TypeOf(time.Time{}), reflect.TypeOf(FlexTime{}), reflect.TypeOf(FlexString(""))}

// modelFields reports the json fields of t that the schemas do not declare.
func (s *spec) modelFields(t reflect.Type, schemas []any, path string) []string {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
		var items []any
		for _, sch := range schemas {
			for _, b := range s.branches(sch, nil) {
				if it, ok := b["items"]; ok {
					items = append(items, it)
				}
			}
		}
		if len(items) > 0 {
			schemas = items
		}
	}
	if t.Kind() != reflect.Struct || slices.Contains(leafTypes, t) {
		return nil
	}
	props := map[string][]any{}
	for _, sch := range schemas {
		for _, b := range s.branches(sch, nil) {
			if p, ok := b["properties"].(map[string]any); ok {
				for k, sub := range p {
					props[k] = append(props[k], sub)
				}
			}
		}
	}
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		subs, ok := props[name]
		if !ok {
			out = append(out, path+"."+name+" is not a field of the spec's schema")
			continue
		}
		out = append(out, s.modelFields(f.Type, subs, path+"."+name)...)
	}
	return out
}

// TestEnumsMatchSpec: every status and filter value the client names is a
// value of the spec's enum for it.
func TestEnumsMatchSpec(t *testing.T) {
	t.Parallel()
	sp := loadSpec(t)
	enum := func(node any) []string {
		var out []string
		for _, b := range sp.branches(node, nil) {
			for _, v := range asSlice(b["enum"]) {
				if s, ok := v.(string); ok {
					out = append(out, s)
				}
			}
		}
		return out
	}
	// propEnum is the union of the enums of a property across a schema's branches.
	propEnum := func(node any, name string) []string {
		var out []string
		for _, b := range sp.branches(node, nil) {
			if p, ok := b["properties"].(map[string]any); ok && p[name] != nil {
				out = append(out, enum(p[name])...)
			}
		}
		return out
	}
	schema := func(name string) any { return sp.at("components", "schemas", name) }
	param := func(path, name string) any {
		for _, p := range asSlice(sp.at("paths", path, "get", "parameters")) {
			if pm, ok := sp.resolve(p).(map[string]any); ok && pm["name"] == name {
				return pm["schema"]
			}
		}
		return nil
	}
	check := func(what string, got []string, allowed []string) {
		for _, v := range got {
			if !slices.Contains(allowed, v) {
				t.Errorf("%s: %q is not in the spec's enum %v", what, v, allowed)
			}
		}
	}
	var invoiceStatuses, subStatuses []string
	for _, s := range InvoiceStatuses() {
		invoiceStatuses = append(invoiceStatuses, string(s))
	}
	for _, s := range SubscriptionStatuses() {
		if s != SubscriptionTrialing { // only the customer's summary lists it
			subStatuses = append(subStatuses, string(s))
		}
	}
	check("invoice status", invoiceStatuses, propEnum(schema("Invoice"), "status"))
	check("subscription status", subStatuses, propEnum(schema("Subscription"), "status"))
	check("customer subscription status", []string{string(SubscriptionTrialing)},
		enum(sp.at("components", "schemas", "Customer", "properties", "subscriptions", "items", "properties", "status")))
	check("customer status", []string{CustomerActive, CustomerArchived}, propEnum(schema("Customer"), "status"))
	check("invoice status filter", []string{InvoiceFilterAll, InvoiceFilterLate, InvoiceFilterOutstanding,
		InvoiceFilterToReconcile, InvoiceFilterFinalized, InvoiceFilterRefunded}, enum(param("/v2/invoices", "status")))
	check("subscription status filter", []string{string(StatusAll), string(StatusAny), string(SubscriptionInactive)},
		enum(param("/v2/subscriptions", "status")))
	check("invoice sort", []string{SortCreatedAt, SortEmittedAt}, enum(param("/v2/invoices", "sort")))
	check("customer sort", []string{SortCreatedAt, SortUpdatedAt}, enum(param("/v2/customers", "sort")))
	check("order", []string{string(Ascending), string(Descending)}, enum(param("/v2/customers", "order")))
	check("export name", []string{string(ExportAllCustomers), string(ExportAllSubscriptions), string(ExportLiveSubscriptions),
		string(ExportDraftInvoices), string(ExportOpenInvoices), string(ExportOutstandingInvoices)},
		propEnum(schema("CreateExport"), "name"))
	check("export file type", []string{string(ExportCSV), string(ExportXLSX), string(ExportJSON)},
		propEnum(schema("CreateExport"), "file_type"))
	check("export status", []string{ExportPending, ExportProcessing, ExportDone, ExportError},
		propEnum(schema("Export"), "status"))
	check("transaction status", []string{TransactionScheduled, TransactionToProcess, TransactionPending,
		TransactionSettled, TransactionCancelled, TransactionFailed},
		propEnum(sp.at("components", "schemas", "Invoice", "properties", "transactions", "items"), "status"))
}

func asSlice(v any) []any { s, _ := v.([]any); return s }
