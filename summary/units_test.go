package summary

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"
)

// TestUnitRows: by-unit tables list the units in force with where they
// came from, then an ended unit that holds figures, then other codes; a
// unit that went to successors is not listed.
func TestUnitRows(t *testing.T) {
	s := &Summary{
		Units: []Unit{
			{Code: "A", Name: "Phường A", ValidTo: "2025-06-30", Ended: true},
			{Code: "B", Name: "Phường B", ValidTo: "2025-06-30", Ended: true},
			{Code: "C", Name: "Phường C", ValidFrom: "2025-07-01"},
			{Code: "D", Name: "Xã D", Ended: true},
			{Code: "E", Name: "Xã E", ValidFrom: "2025-07-01"},
			{Code: "G", Name: "Quận G", ValidTo: "2025-06-30", Ended: true},
			{Code: "H", Name: "Xã H"},
		},
		Successions: []Succession{
			{From: "F", To: "A", Date: "2020-01-01", Share: Whole, FromName: "Xã F"},
			{From: "A", To: "C", Date: "2025-07-01", Share: Whole, FromName: "Phường A"},
			{From: "B", To: "C", Date: "2025-07-01", Share: Whole, FromName: "Phường B"},
			{From: "D", To: "C", Date: "2025-07-01", Share: 600000, FromName: "Xã D"},
			{From: "D", To: "E", Date: "2025-07-01", Share: 400000},
		},
		Indicators: []Indicator{{ByUnit: Figures{"C": 1, "E": 2, "G": 3, "Z": 4}}},
	}
	var got []string
	for _, r := range s.UnitRows() {
		got = append(got, r.Code+" "+r.Name+" | "+r.Note)
	}
	want := []string{
		"C Phường C | hợp nhất từ Phường A, Phường B và một phần Xã D (từ 01/7/2025)",
		"E Xã E | hợp nhất từ một phần D (từ 01/7/2025)",
		"H Xã H | ",
		"G Quận G | hoạt động đến 30/6/2025",
		"Z Z | ",
	}
	if !slices.Equal(got, want) {
		t.Errorf("rows\n%q\nwant\n%q", got, want)
	}
	if s.InForce() != 3 {
		t.Errorf("%d in force", s.InForce())
	}
	ind := Indicator{Estimated: []string{"C", "E"}}
	if !ind.IsEstimated("E") || ind.IsEstimated("G") {
		t.Error("IsEstimated")
	}
	one := &Summary{Units: []Unit{{Code: "A", Name: "Phường A"}}, Successions: []Succession{{From: "F", To: "A", Date: "2020-01-01", Share: Whole, FromName: "Xã F"}}}
	if r := one.UnitRows(); r[0].Note != "kế thừa Xã F (từ 01/1/2020)" {
		t.Errorf("one predecessor: %q", r[0].Note)
	}
}

// TestMicro: millionths are written exactly, rounded to hundredths for
// display, and split into exact parts.
func TestMicro(t *testing.T) {
	for m, want := range map[Micro]string{4936000: "4.936", -4936000: "-4.936", 0: "0", 1: "0.000001", 12340000: "12.34", 7_000_000: "7"} {
		if got := m.String(); got != want {
			t.Errorf("%d: %s, want %s", int64(m), got, want)
		}
	}
	for m, want := range map[Micro]Amount{4936000: 494, 4935000: 494, 4934999: 493, -4935000: -494} {
		if got := m.Amount(); got != want {
			t.Errorf("%d rounds to %d, want %d", int64(m), got, want)
		}
	}
	if p, r := Amount(1234).Micro().Part(400000); p != 4936000 || r != 0 {
		t.Errorf("0,4 of 12,34: %s rest %d", p, r)
	}
	if p, r := Micro(10000).Part(333333); p != 3333 || r != 330000 {
		t.Errorf("0,333333 of 0,01: %s rest %d", p, r)
	}
	b, _ := json.Marshal(Succession{From: "A", To: "B", Date: "2025-07-01", Share: 600000})
	if string(b) != `{"from":"A","to":"B","date":"2025-07-01","share":0.6}` {
		t.Errorf("succession JSON %s", b)
	}
}

// TestExactJSON: an indicator with exact figures writes them in place of
// the rounded ones, leading values too; one without writes as before.
func TestExactJSON(t *testing.T) {
	tot, prev := Amount(1334), Amount(700)
	exTot, exPrev := Micro(13340001), Micro(7000004)
	ind := Indicator{Code: "VON_TIEN", Total: &tot, ByYear: Figures{"2024": 1234, "2025": 100}, ByUnit: Figures{"C": 840, "E": 494},
		Previous: Previous{From: 2006, To: 2015, Total: &prev}, Leading: []Leader{{Unit: "C", Value: 840}, {Unit: "E", Value: 494}},
		Exact: &Exact{Total: &exTot, Previous: &exPrev, ByUnit: map[string]Micro{"C": 8404000, "E": 4936000}}}
	b, err := json.Marshal(ind)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"code":"VON_TIEN","name":"","unit":"","agg":"","total":13.340001,"by_year":{"2024":12.34,"2025":1},"by_unit":{"C":8.404,"E":4.936},` +
		`"coverage":0,"previous":{"from":2006,"to":2015,"total":7.000004,"coverage":0,"comparable":false},"change":null,` +
		`"leading":[{"unit":"C","value":8.404},{"unit":"E","value":4.936}],"units_reporting":0}`
	if string(b) != want {
		t.Errorf("exact JSON\n%s\nwant\n%s", b, want)
	}
	// The same keys in the same order with and without exact values: a
	// field added to Indicator must be added to its exact JSON too.
	ind.Estimated = []string{"E"}
	exactKeys := keysOf(t, ind)
	ind.Exact = nil
	if plainKeys := keysOf(t, ind); !slices.Equal(exactKeys, plainKeys) || len(plainKeys) != 13 {
		t.Errorf("keys with exact values %v, without %v", exactKeys, plainKeys)
	}
	ind.Exact, ind.Estimated = nil, nil
	b, _ = json.Marshal(ind)
	if string(b) != `{"code":"VON_TIEN","name":"","unit":"","agg":"","total":13.34,"by_year":{"2024":12.34,"2025":1},"by_unit":{"C":8.4,"E":4.94},"coverage":0,"previous":{"from":2006,"to":2015,"total":7,"coverage":0,"comparable":false},"change":null,"leading":[{"unit":"C","value":8.4},{"unit":"E","value":4.94}],"units_reporting":0}` {
		t.Errorf("plain JSON %s", b)
	}
}

// keysOf are the keys of an indicator's JSON, in order.
func keysOf(t *testing.T, ind Indicator) []string {
	b, err := json.Marshal(ind)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	var keys []string
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch v := tok.(type) {
		case json.Delim:
			if v == '{' || v == '[' {
				depth++
			} else {
				depth--
			}
		case string:
			if depth == 1 && dec.More() {
				keys = append(keys, v)
				// skip the value
				var raw json.RawMessage
				dec.Decode(&raw)
			}
		}
	}
	return keys
}
