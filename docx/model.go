package docx

import "time"

// Document is a Word document to write: its sections in order, the styles
// its paragraphs may name beyond the built-in ones, and its properties.
type Document struct {
	Title, Subject, Creator string
	Created                 time.Time // zero: 1 January 2000, so output stays reproducible
	Font                    string    // "" for Times New Roman
	Size                    float64   // body size, pt; 0 for 14
	Lang                    string    // "" for vi-VN
	Styles                  []Style   // extra paragraph and character styles
	Sections                []*Section
}

// Section is a run of pages with one orientation and one set of margins.
type Section struct {
	Landscape bool
	Margins   Margins
	// PageNumbers puts a centred PAGE field in the header, NumberSize pt
	// (0 for 13). A section continues the page numbers of the one before.
	PageNumbers bool
	NumberSize  float64
	// NoFirstNumber leaves the section's first page without a header: the
	// first page of an official document carries no number.
	NoFirstNumber bool
	Blocks        []Block
}

// Margins are page margins in millimetres; Header is the distance from the
// page's top edge to the header (0 for half the top margin).
type Margins struct {
	Top, Bottom, Left, Right, Header float64
}

// Block is a paragraph or a table of the body.
type Block interface{ block() }

func (*Paragraph) block() {}
func (*Table) block()     {}

// Align is the alignment of a paragraph.
type Align int

// Paragraph alignments; Inherit leaves it to the paragraph's style.
const (
	Inherit Align = iota
	Left
	Center
	Right
	Justify
)

// Paragraph is a paragraph of runs.
type Paragraph struct {
	Style  string // a style ID: "Heading1", or one of Document.Styles; "" for Normal
	Runs   []Run
	Align  Align
	Indent Indent
	// Spacing before and after, pt; Line is the line height: exact points
	// when LineExact, otherwise a multiple of single spacing (0 for 1).
	Before, After float64
	Line          float64
	LineExact     bool
	KeepNext      bool // on the same page as the next paragraph
	KeepLines     bool // never broken across pages
	PageBreak     bool // starts a new page
	// Rule draws a line above the paragraph (RuleTop) or below it, between
	// its indents: the short rules under the agency and the motto.
	Rule    RuleSide
	Size    float64 // the paragraph mark's size, pt (0: the style's)
	Outline int     // 1–9: an outline level for the navigation pane; 0 none
}

// Indent are a paragraph's indents in millimetres. A negative FirstLine
// hangs the first line.
type Indent struct {
	Left, Right, FirstLine float64
}

// RuleSide says where a paragraph's rule goes.
type RuleSide int

// Where a rule goes.
const (
	NoRule RuleSide = iota
	RuleTop
	RuleBottom
)

// Run is text in one style. Text may hold "\n" (a line break) and "\t" (a
// tab). A run with Field set is a field whose cached result is Text:
// "PAGE" for the page number.
type Run struct {
	Text                    string
	Bold, Italic, Underline bool
	Size                    float64 // pt; 0: the paragraph style's
	Color                   string  // "RRGGBB"; "" automatic
	Highlight               string  // a Word highlight colour name: "yellow"; "" none
	Shade                   string  // background "RRGGBB"; "" none
	Style                   string  // a character style ID
	Font                    string  // "": the document's
	Field                   string
}

// Table is a table on a grid of columns.
type Table struct {
	Widths   []float64 // of the grid columns, mm
	Borders  bool      // single lines around and between every cell
	Center   bool      // centred between the margins
	CellPad  float64   // left and right padding of each cell, mm (0 for 1,2; negative for none)
	CellPadV float64   // top and bottom padding of each cell, mm
	Rows     []Row
	FontSize float64 // pt, for the cells' runs and marks; 0: the paragraph style's
	Font     string  // for the cells' runs; "": the document's
}

// Row is a table row. Header rows come first and repeat at the top of
// every page the table runs onto.
type Row struct {
	Header    bool
	CantSplit bool // kept whole on one page
	Cells     []Cell
}

// Cell is a table cell. Span is the number of grid columns it covers
// (0 or 1 for one); Merge continues the cell above it (a vertical merge)
// or starts one.
type Cell struct {
	Paras  []*Paragraph
	Span   int
	Merge  VMerge
	VAlign VAlign
	Shade  string // fill "RRGGBB"; "" none
}

// VMerge is a cell's part in a vertical merge.
type VMerge int

// Vertical merges.
const (
	NoMerge VMerge = iota
	MergeStart
	MergeContinue
)

// VAlign is a cell's vertical alignment.
type VAlign int

// Vertical alignments.
const (
	VTop VAlign = iota
	VCenter
	VBottom
)

// StyleKind is what a style applies to.
type StyleKind int

// Style kinds.
const (
	ParagraphStyle StyleKind = iota
	CharacterStyle
)

// Style is a named style a document defines besides the built-in ones
// (Normal, Heading1–3, Title, Header).
type Style struct {
	ID, Name     string
	Kind         StyleKind
	BasedOn      string
	Next         string // the style of the paragraph Enter starts after this one
	Bold, Italic bool
	Size         float64 // pt; 0 inherits
	Color        string  // "RRGGBB"
	Shade        string  // background "RRGGBB"
	Before       float64 // pt, paragraph styles
	After        float64
}

// Text is a one-run paragraph.
func Text(s string, r Run) *Paragraph {
	r.Text = s
	return &Paragraph{Runs: []Run{r}}
}
