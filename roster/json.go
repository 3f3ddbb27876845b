package roster

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
)

// numberedJSON is an entry as FORMATS.md §4 prints it, keys in that order
// (the embedded Entry alone would put decision_date after achievement).
type numberedJSON struct {
	STT            int    `json:"stt"`
	Name           string `json:"name"`
	Position       string `json:"position"`
	Unit           string `json:"unit"`
	Form           string `json:"form"`
	Authority      string `json:"authority"`
	DecisionNumber string `json:"decision_number"`
	DecisionDate   string `json:"decision_date"`
	Achievement    string `json:"achievement"`
}

// MarshalJSON writes the entry's keys in the order of FORMATS.md §4:
// stt, name, position, unit, form, authority, decision_number,
// decision_date (yyyy-mm-dd), achievement.
func (n Numbered) MarshalJSON() ([]byte, error) {
	date := n.Date
	if date == "" && !n.DecisionDate.IsZero() {
		date = n.DecisionDate.Format("2006-01-02")
	}
	// Not json.Marshal: it would escape <, > and & in achievements
	// whatever the caller's encoder is set to.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(numberedJSON{
		STT: n.STT, Name: n.Name, Position: n.Position, Unit: n.Unit, Form: n.Form,
		Authority: n.Authority, DecisionNumber: n.DecisionNumber, DecisionDate: date,
		Achievement: n.Achievement,
	})
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), err
}

// WriteJSON writes the roster as `tongket awards export --format json`
// prints it (FORMATS.md §4): period, groups in print order, counts.
// Object keys of the counts maps are in byte order (encoding/json's).
func WriteJSON(w io.Writer, e Export) error {
	e.Groups = slices.Clone(e.Groups) // the caller's groups stay as they are
	if e.Groups == nil {
		e.Groups = []Group{}
	}
	for i := range e.Groups {
		if e.Groups[i].Entries == nil {
			e.Groups[i].Entries = []Numbered{}
		}
	}
	c := &e.Counts
	for _, m := range []*map[string]int{&c.ByKind, &c.ByOrganisation, &c.ByForm} {
		if *m == nil {
			*m = map[string]int{}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(e)
}
