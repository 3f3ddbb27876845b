// Package roster reads award nomination lists (danh sách khen thưởng,
// FORMATS.md §4) and puts the commended collectives and individuals in the
// order such rosters are printed: tập thể before cá nhân, grouped by
// organisation in the catalog's order, people by given name the Vietnamese
// way, with the counts line the conference reads out.
//
// It reads rosters as offices send them (§4.1): every visible sheet, the
// printed layout (titles "I. TẬP THỂ", "Hội Nông dân" standing for the
// Loại and Tổ chức columns; the roster tongket writes reads back the same),
// fields merged down a group of rows, dates as the workbook means them,
// and the unit and years that tell one roster from another (Identity).
// Every row a person reads as a nominee becomes an entry with every field
// read on it, or a finding at its cell refuses the file.
//
// It is the awards' "read" and "check" room: it produces plain values and
// findings, never touching the database or an output format.
package roster

import (
	"time"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
)

// The two kinds of nominee.
const (
	Collective = "Tập thể"
	Individual = "Cá nhân"
)

// Kinds in print order.
var Kinds = []string{Collective, Individual}

// Entry is one commended collective or individual.
type Entry struct {
	Name           string    `json:"name"`
	Kind           string    `json:"-"` // Collective or Individual
	Position       string    `json:"position"`
	Unit           string    `json:"unit"`
	Organisation   string    `json:"-"`
	Form           string    `json:"form"`
	Authority      string    `json:"authority"`
	DecisionNumber string    `json:"decision_number"`
	DecisionDate   time.Time `json:"-"`
	Achievement    string    `json:"achievement"`

	// Where it came from, for findings and duplicates across files.
	File  string `json:"-"`
	Sheet string `json:"-"`
	Col   string `json:"-"` // column letters of the name cell
	Row   int    `json:"-"`
}

// Roster is everything read from one nomination workbook: every visible
// sheet with a roster table (a Tập thể sheet and a Cá nhân sheet are one
// roster).
type Roster struct {
	File   string
	SHA256 string
	Size   int64
	Sheet  string // the sheets read, in tab order, joined by ", "
	Years  [2]int // the years the roster claims (title or "Năm:" line); zero if none
	// Unit is the submitting unit as the lines above the table name it: a
	// "Đơn vị: …" line, or else the agency block ("UBND QUẬN KIẾN AN –
	// CÔNG AN QUẬN"); "" when they name none.
	Unit string
	// Heading is the text of the lines above the table (agency, title),
	// without the date line, the national motto and the years: with the
	// file's name, its folder and its years, what tells this roster from
	// another (Identity).
	Heading  string
	Folder   string // the name of the folder the file came in
	Entries  []Entry
	Findings []finding.Finding
}

// Valid reports whether the roster has no error finding.
func (r *Roster) Valid() bool { return !finding.HasError(r.Findings) }

// Lists are the catalog's known organisations (in print order) and award
// forms; the user can extend both.
type Lists struct {
	Organisations []string
	Forms         []string
}

// Group is one organisation's entries of one kind, in print order.
type Group struct {
	Kind         string     `json:"kind"`
	Organisation string     `json:"organisation"`
	Entries      []Numbered `json:"entries"`
}

// Numbered is an entry with its running number (STT) in the printed roster.
type Numbered struct {
	STT int `json:"stt"`
	Entry
	Date string `json:"decision_date"` // yyyy-mm-dd
}

// Counts are the roster's totals (FORMATS.md §4 "counts").
type Counts struct {
	Total          int            `json:"total"`
	ByKind         map[string]int `json:"by_kind"`
	ByOrganisation map[string]int `json:"by_organisation"`
	ByForm         map[string]int `json:"by_form"`
}

// Export is a period's roster in print order, the value every roster
// renderer (JSON, Excel, PDF) takes.
type Export struct {
	Period struct {
		From int `json:"from"`
		To   int `json:"to"`
	} `json:"period"`
	Groups []Group `json:"groups"`
	Counts Counts  `json:"counts"`
	// Table is organisation × kind × form counts, for the counts table.
	Table []TableRow `json:"-"`
	// Line is the counts line as the report reads it out; LineEN is the
	// same counts in English, for an officer who asked for English (the
	// names of organisations and forms stay as the catalog has them).
	Line   string `json:"-"`
	LineEN string `json:"-"`
}

// LineIn is the counts line in l.
func (e Export) LineIn(l lang.Lang) string {
	return lang.Text{VI: e.Line, EN: e.LineEN}.In(l)
}

// TableRow is one organisation's counts by kind and form.
type TableRow struct {
	Organisation string
	ByKindForm   map[string]map[string]int // kind → form → count
	Total        int
}
