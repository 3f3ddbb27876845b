package xlsx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"
)

// Kind is the type of a cell's value as stored in the file.
type Kind uint8

const (
	Blank  Kind = iota // no cached value (only reported for formula cells)
	Number             // t="n" or no t: Value is the stored number text
	Text               // shared string, inline string, formula string or t="d"
	Bool               // Value is "TRUE" or "FALSE"
	Error              // Value is the error, e.g. "#REF!"
)

func (k Kind) String() string {
	switch k {
	case Blank:
		return "blank"
	case Number:
		return "number"
	case Text:
		return "text"
	case Bool:
		return "bool"
	case Error:
		return "error"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Cell is one cell that has a value or a formula.
type Cell struct {
	Col     int    // 1-based column number
	Ref     string // "F12"
	Kind    Kind
	Value   string // Number: the raw stored value ("1234.5", "1E-3"); Text: the string (shared, inline or formula str); Bool: "TRUE"/"FALSE"; Error: "#REF!" etc.
	Formula bool   // the cell has a formula (<f>, including shared-formula children)
	Cached  bool   // a cached value is present (<v> or inline string); a formula cell with Cached=false needs calculation
	Covered bool   // a cell of a merged range other than its top-left anchor: Kind, Value, Formula, Cached, Style are copied from the anchor

	// src tells Book.RunFont where the text came from: 0 nothing to look
	// up, srcInline|i the inline string whose first run names font i of
	// Book.inlineFonts, else the shared string src-1. (Here, it fits in
	// the padding after Cached.)
	src uint32

	Style int    // the s attribute: index of the cell format (0 when absent); Book.FontName gives its font
	Merge *Range // the merged range holding this cell (its anchor or a covered cell); nil when none (only MergedRows sets it)
}

// Row is one row of a sheet. Cells holds only cells that have a value or
// a formula, in column order; rows without any are not reported.
//
// The Row passed to a Rows callback, and its Cells slice, are reused for
// the next row: copy what must outlive the callback. The strings inside
// (Ref, Value) are ordinary immutable strings and may be kept.
type Row struct {
	Num   int // 1-based row number
	Cells []Cell
	// LastRow is the last row the sheet declares (<dimension>), capped by
	// how many rows its size can hold; for a sheet that declares none, or
	// a size its rows have outgrown, an estimate from the bytes its first
	// rows took, once they are read. A hint for sizing, never a promise: writers leave it stale.
	LastRow int
	// Hidden reports a row the sheet does not show (<row hidden="1">):
	// hidden by hand, by an AutoFilter, or in a collapsed outline group;
	// or made 0 high (ht="0"), which shows nothing either.
	// (Rows filled with covered cells only, by MergedRows, are never.)
	Hidden bool
	// Outline is the row's outline (group) level, 0 when not grouped: a
	// hidden row with Outline > 0 is in a collapsed group.
	Outline uint8
	// View is what the sheet says, before its rows, about what it shows:
	// hidden columns, an active filter. nil when it hides no column and
	// is not filtered; the same for every row of a sheet.
	View *SheetView
}

// SheetView is what a sheet says, before its rows, about showing them.
type SheetView struct {
	HiddenCols []ColSpan // column ranges not shown (<col hidden="1">, or width="0"), in file order
	Filtered   bool      // <sheetPr filterMode="1">: an AutoFilter hides rows (Excel says so; not every writer does)
}

// ColSpan is a range of columns, 1-based and inclusive, with the outline
// level they were grouped at (0 when not grouped).
type ColSpan struct {
	From, To int
	Outline  uint8
	Zero     bool // not hidden but 0 wide (width="0")
}

// HiddenCol returns the hidden span holding column col; ok is false when
// the column is shown (v may be nil).
func (v *SheetView) HiddenCol(col int) (span ColSpan, ok bool) {
	if v == nil {
		return ColSpan{}, false
	}
	for _, s := range v.HiddenCols {
		if col >= s.From && col <= s.To {
			return s, true
		}
	}
	return ColSpan{}, false
}

// Sheet is a worksheet of a workbook.
type Sheet struct {
	Name   string
	Hidden bool // state "hidden" or "veryHidden"
	Index  int  // 0-based position among the workbook's sheet tabs (chartsheets count, though Sheets skips them)
}

// Limits bounds what a workbook may make the reader do. A zero field
// means the DefaultLimits value.
type Limits struct {
	MaxFileBytes    int64 // size of the file itself
	MaxUncompressed int64 // total unpacked bytes of the parts read (workbook, rels, shared strings, the sheet)
	MaxRows         int   // <row> elements in one sheet
}

// DefaultLimits suits submissions of yearly figures with a wide margin.
var DefaultLimits = Limits{MaxFileBytes: 200 << 20, MaxUncompressed: 1 << 30, MaxRows: 2_000_000}

func (l Limits) withDefaults() Limits {
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = DefaultLimits.MaxFileBytes
	}
	if l.MaxUncompressed <= 0 {
		l.MaxUncompressed = DefaultLimits.MaxUncompressed
	}
	if l.MaxRows <= 0 {
		l.MaxRows = DefaultLimits.MaxRows
	}
	return l
}

// A part larger than bombMinSize that unpacks more than bombRatio times
// its compressed size is refused as a zip bomb: real sheets compress
// about 5–30:1 (every cell carries its own reference), deflate's ceiling
// is about 1030:1.
//
// That rule alone lets through a bomb that stays just under 1000:1 (Go's
// own deflate tops out near 940:1) and just under MaxUncompressed: a 1 MB
// file of 1 GB of empty <c/> cells takes seconds to scan. So the parts a
// workbook needs, taken together, may not unpack more than bookBombRatio
// times once they exceed bookBombSize: below that size scanning takes
// well under a second whatever the ratio.
const (
	bombMinSize   = 10 << 20
	bombRatio     = 1000
	bookBombSize  = 100 << 20
	bookBombRatio = 100
)

// Book is an open workbook. Its methods may be called from several
// goroutines, Close excepted.
type Book struct {
	name string
	ra   io.ReaderAt
	size int64
	lim  Limits

	files  map[string]*zip.File // by normalised part name
	sheets []Sheet
	parts  []*zip.File // worksheet part of sheets[i]
	sstZF  *zip.File
	styZF  *zip.File // styles.xml, read by FontName when first asked
	meta   int64     // bytes unpacked by OpenReaderAt, counted against MaxUncompressed

	sstOnce sync.Once
	sst     *sharedStrings
	sstUsed int64
	sstErr  error

	styOnce sync.Once
	sty     *styles

	sstFontsOnce sync.Once
	sstFontList  []string // run fonts of the shared strings, by index; nil when none

	fontMu      sync.Mutex
	inlineFonts []string          // fonts named by inline rich-text runs, by number
	inlineIdx   map[string]uint32 // their numbers

	mergeMu    sync.Mutex
	mergeCache map[int]*mergeEntry // Merges, by sheet

	date1904 bool // <workbookPr date1904>
	fullCalc bool // <calcPr fullCalcOnLoad>

	calcMu sync.Mutex
	xf     *excelize.File
	xfErr  error
	cycles cycleState
}

// OpenReaderAt opens a workbook of size bytes read from r; name is used in
// messages only. r must stay readable until Close.
func OpenReaderAt(r io.ReaderAt, size int64, name string, lim Limits) (*Book, error) {
	lim = lim.withDefaults()
	if size <= 0 {
		return nil, corrupt("the file is empty", nil)
	}
	if size > lim.MaxFileBytes {
		return nil, tooLarge(fmt.Sprintf("the file is %s, over the %s limit", mb(size), mb(lim.MaxFileBytes)))
	}
	r = &boundedReaderAt{r: r, size: size}
	head := make([]byte, min(size, 4096))
	if n, err := r.ReadAt(head, 0); n < len(head) {
		return nil, ioError("reading", err)
	}
	if bytes.HasPrefix(head, cfbMagic) {
		return nil, sniffCFB(r, size)
	}
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		if !isFormatError(err) {
			return nil, ioError("reading", err)
		}
		if bytes.HasPrefix(head, []byte("PK")) {
			return nil, corrupt("the zip structure is damaged or the file is cut short", err)
		}
		return nil, notXLSX(sniffText(head))
	}
	b := &Book{name: name, ra: r, size: size, lim: lim, files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		n := normPart(f.Name)
		if _, dup := b.files[n]; !dup {
			b.files[n] = f
		}
	}
	if err := b.load(); err != nil {
		return nil, err
	}
	return b, nil
}

// boundedReaderAt keeps reads inside the file: a damaged zip directory
// can point at negative or huge offsets, which must read as a damaged
// file, not as an I/O failure of the underlying reader.
type boundedReaderAt struct {
	r    io.ReaderAt
	size int64
}

var errOffset = fmt.Errorf("offset outside the file: %w", zip.ErrFormat)

func (b *boundedReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 || off > b.size {
		return 0, errOffset
	}
	if rest := b.size - off; int64(len(p)) > rest {
		n, err := b.r.ReadAt(p[:rest], off)
		if err == nil {
			err = io.EOF
		}
		return n, err
	}
	return b.r.ReadAt(p, off)
}

// normPart makes a zip entry name comparable with a relationship target:
// OPC part names are case-insensitive, and some writers use backslashes
// or a leading slash.
func normPart(name string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	name = strings.TrimPrefix(name, "/")
	return strings.ToLower(name)
}

// load finds the workbook, its sheets and the shared-string part, and
// checks the declared sizes before anything large is unpacked.
func (b *Book) load() error {
	wbName := "xl/workbook.xml"
	wb := b.files[wbName]
	if wb == nil {
		// The package relationships name the main part; only unusual
		// writers put it anywhere else, so this is the slow path.
		if rf := b.files["_rels/.rels"]; rf != nil {
			rels, err := b.readRels(rf, "")
			if err != nil {
				return err
			}
			for _, r := range rels {
				if strings.HasSuffix(r.typ, "/officeDocument") {
					if f := b.files[normPart(r.target)]; f != nil {
						wbName, wb = normPart(r.target), f
					}
					break
				}
			}
		}
	}
	if wb == nil {
		return b.notWorkbook()
	}
	dir := path.Dir(wbName)
	var rels []rel
	relsName := path.Join(dir, "_rels", path.Base(wbName)+".rels")
	if rf := b.files[relsName]; rf != nil {
		var err error
		if rels, err = b.readRels(rf, dir); err != nil {
			return err
		}
	}
	byID := make(map[string]rel, len(rels))
	for _, r := range rels {
		byID[r.id] = r
		if strings.HasSuffix(r.typ, "/sharedStrings") && b.sstZF == nil {
			b.sstZF = b.files[normPart(r.target)]
		}
		if strings.HasSuffix(r.typ, "/styles") && b.styZF == nil {
			b.styZF = b.files[normPart(r.target)]
		}
	}
	if b.sstZF == nil && len(rels) == 0 {
		b.sstZF = b.files[path.Join(dir, "sharedstrings.xml")]
	}
	if b.styZF == nil {
		b.styZF = b.files[path.Join(dir, "styles.xml")]
	}
	entries, err := b.readWorkbook(wb)
	if err != nil {
		return err
	}
	for i, e := range entries {
		r, ok := byID[e.rid]
		if !ok && len(rels) == 0 {
			// No relationships at all: guess the usual layout.
			r, ok = rel{typ: "/worksheet", target: path.Join(dir, fmt.Sprintf("worksheets/sheet%d.xml", i+1))}, true
		}
		if !ok {
			return corrupt(fmt.Sprintf("sheet %q has no entry in the workbook's relationships", e.name), nil)
		}
		if !strings.HasSuffix(r.typ, "/worksheet") {
			continue // chartsheet, dialog or macro sheet: no cells to read
		}
		f := b.files[normPart(r.target)]
		if f == nil {
			return corrupt(fmt.Sprintf("the part of sheet %q (%s) is missing", e.name, r.target), nil)
		}
		b.sheets = append(b.sheets, Sheet{Name: e.name, Hidden: e.hidden, Index: i})
		b.parts = append(b.parts, f)
	}
	return b.checkDeclared(wb)
}

// notWorkbook explains a zip that holds no workbook.xml.
func (b *Book) notWorkbook() error {
	if f := b.files["mimetype"]; f != nil {
		var buf [128]byte
		if rc, err := f.Open(); err == nil {
			n, _ := io.ReadFull(rc, buf[:])
			rc.Close()
			mt := string(bytes.TrimSpace(buf[:n]))
			switch {
			case strings.HasPrefix(mt, "application/vnd.oasis.opendocument.spreadsheet"):
				return notXLSX("ods")
			case strings.HasPrefix(mt, "application/vnd.oasis.opendocument."):
				return notXLSX("unknown")
			}
		}
	}
	switch {
	case b.files["xl/workbook.bin"] != nil:
		return notXLSX("xlsb")
	case b.files["word/document.xml"] != nil, b.files["ppt/presentation.xml"] != nil:
		return notXLSX("unknown")
	case b.files["content.xml"] != nil && b.files["meta-inf/manifest.xml"] != nil:
		return notXLSX("ods")
	}
	return corrupt("the file is a zip archive but holds no workbook (xl/workbook.xml is missing)", nil)
}

// checkDeclared refuses, before unpacking anything big, a workbook whose
// central directory declares more than MaxUncompressed for the parts we
// read, or a part with a zip-bomb compression ratio.
func (b *Book) checkDeclared(wb *zip.File) error {
	parts := append([]*zip.File{wb, b.sstZF}, b.parts...)
	var total, packed uint64
	seen := make(map[*zip.File]bool, len(parts))
	for _, f := range parts {
		if f == nil || seen[f] {
			continue
		}
		seen[f] = true
		if err := checkPart(f, b.lim.MaxUncompressed); err != nil {
			return err
		}
		total += f.UncompressedSize64
		packed += f.CompressedSize64
		if total > uint64(b.lim.MaxUncompressed) {
			return tooLarge(fmt.Sprintf("the workbook unpacks to more than %s", mb(b.lim.MaxUncompressed)))
		}
	}
	if total > bookBombSize && total/bookBombRatio > packed {
		return tooLarge(fmt.Sprintf("the workbook unpacks %d times its packed size (%s), a zip bomb", total/max(packed, 1), mb(int64(total))))
	}
	return nil
}

// checkPart refuses one part by its declared size before it is opened.
func checkPart(f *zip.File, left int64) error {
	u := f.UncompressedSize64
	if u > bombMinSize && u/bombRatio > f.CompressedSize64 {
		return tooLarge(fmt.Sprintf("part %s unpacks %d times its packed size, a zip bomb", f.Name, u/max(f.CompressedSize64, 1)))
	}
	if u > uint64(max(left, 0)) {
		return tooLarge(fmt.Sprintf("part %s unpacks to %s, over the limit", f.Name, mb(int64(min(u, 1<<62)))))
	}
	return nil
}

func mb(n int64) string {
	if n < 10<<20 {
		return fmt.Sprintf("%d KB", (n+1023)>>10)
	}
	return fmt.Sprintf("%d MB", (n+(1<<20)-1)>>20)
}

// isFormatError tells damaged data from an I/O failure.
func isFormatError(err error) bool {
	var fe flate.CorruptInputError
	return errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrChecksum) ||
		errors.Is(err, zip.ErrAlgorithm) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.As(err, &fe)
}

func ioError(what string, err error) error {
	if err == nil || err == io.EOF {
		return corrupt("the file is cut short", err)
	}
	return fmt.Errorf("xlsx: %s: %w", what, err)
}

// partError turns an error met while reading a part into the error the
// caller sees.
func partError(f *zip.File, err error) error {
	var ce *ContainerError
	var ss *syntaxError
	switch {
	case errors.As(err, &ce):
		return ce
	case errors.Is(err, errBudget):
		return &ContainerError{Code: CodeTooLarge, Detail: fmt.Sprintf("part %s unpacks to more than the limit", f.Name), Err: err}
	case errors.Is(err, zip.ErrChecksum):
		return corrupt(fmt.Sprintf("part %s fails its checksum", f.Name), err)
	case errors.Is(err, zip.ErrAlgorithm):
		return corrupt(fmt.Sprintf("part %s uses a compression method this reader does not support", f.Name), err)
	case errors.As(err, &ss):
		return corrupt(fmt.Sprintf("the XML of part %s is damaged at line %d", f.Name, ss.line), err)
	case errors.Is(err, errTokenTooLong):
		return corrupt(fmt.Sprintf("part %s holds an XML element too long to be real", f.Name), err)
	case isFormatError(err):
		return corrupt(fmt.Sprintf("part %s is damaged or cut short", f.Name), err)
	}
	return fmt.Errorf("xlsx: reading %s: %w", f.Name, err)
}

// budgetReader counts unpacked bytes against what is left of
// MaxUncompressed: the sizes in the zip directory are checked up front,
// but only counting what actually comes out is proof against lies.
type budgetReader struct {
	r    io.Reader
	left *int64
}

func (br *budgetReader) Read(p []byte) (int, error) {
	n, err := br.r.Read(p)
	*br.left -= int64(n)
	if *br.left < 0 {
		return n, errBudget
	}
	return n, err
}

// scanBufs recycles scanner buffers: reading thousands of small files
// should not cost 64 KB of garbage each.
var scanBufs = sync.Pool{New: func() any { b := make([]byte, scanBufSize); return &b }}

// openScanner opens a big part (a sheet or the shared strings) for the
// scanner. done must be called after use; with drain it reads the part to
// its end, where archive/zip checks the CRC, and returns any error.
func (b *Book) openScanner(f *zip.File, left *int64) (*scanner, func(drain bool) error, error) {
	if err := checkPart(f, *left); err != nil {
		return nil, nil, err
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, partError(f, err)
	}
	var src io.Reader = &budgetReader{r: rc, left: left}
	var pf *prefetch
	if f.UncompressedSize64 >= prefetchMin {
		pf = newPrefetch(src)
		src = pf
	}
	bp := scanBufs.Get().(*[]byte)
	s := newScanner(src, *bp)
	done := func(drain bool) error {
		var err error
		if drain {
			if err = s.rerr; err == nil {
				_, err = io.Copy(io.Discard, s.r)
			}
		}
		if pf != nil {
			pf.close() // before rc.Close: the goroutine may be reading rc
		}
		if len(s.buf) == scanBufSize {
			*bp = s.buf
			scanBufs.Put(bp)
		}
		s.buf, s.r = nil, nil
		rc.Close()
		if err != nil {
			return partError(f, err)
		}
		return nil
	}
	if err := s.prolog(); err != nil {
		done(false)
		return nil, nil, partError(f, err)
	}
	return s, done, nil
}

// latin1Reader turns ISO-8859-1 bytes into UTF-8.
type latin1Reader struct {
	r   *bufio.Reader
	out []byte
}

func (l *latin1Reader) Read(p []byte) (int, error) {
	for len(l.out) == 0 {
		c, err := l.r.ReadByte()
		if err != nil {
			return 0, err
		}
		if c < 0x80 {
			l.out = append(l.out[:0], c)
		} else {
			l.out = append(l.out[:0], 0xC0|c>>6, 0x80|c&0x3F)
		}
	}
	n := copy(p, l.out)
	l.out = l.out[n:]
	return n, nil
}

type rel struct{ id, typ, target string }

// readRels reads a .rels part; targets are resolved against dir, the
// folder of the source part ("" for the package), and may be absolute.
func (b *Book) readRels(f *zip.File, dir string) ([]rel, error) {
	left := b.lim.MaxUncompressed - b.meta
	s, done, err := b.openScanner(f, &left)
	if err != nil {
		return nil, err
	}
	var rels []rel
	for {
		err := s.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			done(false)
			return nil, partError(f, err)
		}
		if s.kind != tokStart || string(s.name) != "Relationship" {
			continue
		}
		var r rel
		external := false
		for k := range s.attrList {
			a := &s.attrList[k]
			switch v := s.attrVal(a); string(s.attrName(a)) {
			case "Id":
				r.id = string(v)
			case "Type":
				r.typ = string(v)
			case "Target":
				r.target = string(v)
			case "TargetMode":
				external = strings.EqualFold(string(v), "External")
			}
		}
		if external {
			continue
		}
		r.target = resolveTarget(dir, r.target)
		rels = append(rels, r)
	}
	err = done(true)
	b.meta = b.lim.MaxUncompressed - left
	return rels, err
}

func resolveTarget(dir, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if strings.HasPrefix(target, "/") {
		return path.Clean(target)[1:]
	}
	return strings.TrimPrefix(path.Join(dir, target), "/")
}

type wbEntry struct {
	name, rid string
	hidden    bool
}

// readWorkbook lists the <sheet> elements of workbook.xml in order and
// notes the date system and whether the workbook asks to be recalculated.
// <calcPr> comes after <sheets> and <definedNames>, so the small part is
// read to its end.
func (b *Book) readWorkbook(f *zip.File) ([]wbEntry, error) {
	left := b.lim.MaxUncompressed - b.meta
	s, done, err := b.openScanner(f, &left)
	if err != nil {
		return nil, err
	}
	var out []wbEntry
	for {
		err := s.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			done(false)
			return nil, partError(f, err)
		}
		if s.kind != tokStart {
			continue
		}
		switch string(s.name) {
		case "workbookPr":
			b.date1904 = xmlTrue(attrBytes(s, "date1904"))
			continue
		case "calcPr":
			b.fullCalc = xmlTrue(attrBytes(s, "fullCalcOnLoad"))
			continue
		case "sheet":
		default:
			continue
		}
		var e wbEntry
		for k := range s.attrList {
			a := &s.attrList[k]
			n, v := s.attrName(a), s.attrVal(a)
			switch string(n) {
			case "name":
				e.name = string(v)
			case "state":
				e.hidden = string(v) == "hidden" || string(v) == "veryHidden"
			default:
				// r:id, whatever the prefix is called.
				if i := bytes.IndexByte(n, ':'); i > 0 && string(n[i+1:]) == "id" && string(n[:i]) != "xmlns" {
					e.rid = string(v)
				}
			}
		}
		out = append(out, e)
	}
	err = done(true)
	b.meta = b.lim.MaxUncompressed - left
	return out, err
}

// xmlTrue reads a boolean attribute as encoding/xml does (writers use
// xsd:boolean's "1" and "true"; "TRUE" and "t" pass too).
func xmlTrue(v []byte) bool {
	switch string(trimSpace(v)) { // ParseBool's true values, without its error for the rest
	case "1", "t", "T", "TRUE", "true", "True":
		return true
	}
	return false
}

// Sheets returns the worksheets in workbook order; chartsheets are skipped.
func (b *Book) Sheets() []Sheet {
	return append([]Sheet(nil), b.sheets...)
}

// lookup finds the sheet by name (exact, then case-insensitive as Excel
// treats names), or by Index when Name is empty.
func (b *Book) lookup(s Sheet) (int, error) {
	for i, t := range b.sheets {
		if t.Name == s.Name || s.Name == "" && t.Index == s.Index {
			return i, nil
		}
	}
	for i, t := range b.sheets {
		if s.Name != "" && strings.EqualFold(t.Name, s.Name) {
			return i, nil
		}
	}
	return 0, fmt.Errorf("xlsx: %s has no worksheet %q", b.name, s.Name)
}

// Close releases excelize's copy of the workbook, if Calc was used.
func (b *Book) Close() error {
	var err error
	b.calcMu.Lock()
	if b.xf != nil {
		err = b.xf.Close()
		b.xf = nil
	}
	b.calcMu.Unlock()
	return err
}
