package xlsx

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// scanner is a small pull tokenizer for the two big parts, worksheets and
// the shared-string table. encoding/xml allocates for every token (boxed
// Token values, name and attribute strings), which put a 10-column row at
// about 100 allocations and the reader at ~25 MB/s; this scanner returns
// slices of its own buffer and allocates nothing per token.
//
// It handles what those parts contain: start, end and self-closing tags
// with namespace prefixes (reduced to local names), attributes in either
// quote, character data with the predefined and numeric entities, CDATA,
// comments and processing instructions (both skipped), and the XML
// line-end normalisation. DOCTYPEs are refused, as OOXML forbids them. It checks well-formedness only as far as it
// needs to tokenize; like xml.Decoder.RawToken it does not match end tags
// to start tags. FuzzScanner compares it with encoding/xml.
type scanner struct {
	r    io.Reader
	buf  []byte
	pos  int // next unread byte in buf
	end  int // end of valid data in buf
	eof  bool
	rerr error
	line int // lines before buf[0], for error messages

	kind     tokKind
	name     []byte // local name of a start or end tag
	attrList []attr // attributes of a start tag
	text     []byte // character data, entities decoded
	selfEnd  bool   // the start tag was <x/>: an end token comes next
	scratch  []byte // decoded text
	vals     []byte // decoded attribute values
}

type tokKind uint8

const (
	tokStart tokKind = iota + 1
	tokEnd
	tokText
)

const (
	scanBufSize = 64 << 10
	maxToken    = 64 << 20 // a tag, comment or entity-free run longer than this is refused
)

var errTokenTooLong = errors.New("an XML token is longer than 64 MB")

// syntaxError is damaged XML in a part.
type syntaxError struct {
	msg  string
	line int
}

func (e *syntaxError) Error() string {
	return fmt.Sprintf("XML syntax error on line %d: %s", e.line, e.msg)
}

// newScanner reads r using buf (tests pass tiny buffers to exercise the
// refill paths; nil means a new 64 KB one).
func newScanner(r io.Reader, buf []byte) *scanner {
	if cap(buf) < 16 {
		buf = make([]byte, scanBufSize)
	}
	return &scanner{r: r, buf: buf[:cap(buf)], line: 1}
}

// prolog skips a byte order mark and honours the encoding declaration:
// UTF-8 (the OOXML norm) and ASCII pass through, ISO-8859-1/Windows-1252
// are converted, anything else (UTF-16) is refused.
func (s *scanner) prolog() error {
	for s.end-s.pos < 256 && s.fill() {
	}
	b := s.buf[s.pos:s.end]
	if bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) {
		s.pos += 3
		b = b[3:]
	}
	if len(b) >= 2 && (b[0] == 0 || b[1] == 0 || b[0] == 0xFE && b[1] == 0xFF || b[0] == 0xFF && b[1] == 0xFE) {
		return s.syntax("UTF-16 XML is not supported")
	}
	if !bytes.HasPrefix(b, []byte("<?xml")) || len(b) > 5 && !isSpace(b[5]) && b[5] != '?' {
		return nil // no declaration; "<?xmlfoo …?>" is another processing instruction
	}
	end := bytes.Index(b, []byte("?>"))
	if end < 0 {
		return nil // the tokenizer will complain
	}
	enc := declEncoding(b[5:end])
	switch strings.ToLower(enc) {
	case "", "utf-8", "utf8", "us-ascii", "ascii":
		return nil
	case "iso-8859-1", "latin1", "iso8859-1", "windows-1252", "cp1252":
		if s.rerr != nil {
			return s.rerr
		}
		rest := append([]byte(nil), b...)
		s.r = &latin1Reader{r: bufio.NewReader(io.MultiReader(bytes.NewReader(rest), s.r))}
		s.pos, s.end, s.eof = 0, 0, false
		return nil
	}
	return s.syntax(fmt.Sprintf("unsupported encoding %q", enc))
}

// declEncoding finds encoding="…" in the XML declaration.
func declEncoding(decl []byte) string {
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return ""
	}
	b := trimLeftSpace(decl[i+len("encoding"):])
	if len(b) == 0 || b[0] != '=' {
		return ""
	}
	b = trimLeftSpace(b[1:])
	if len(b) == 0 || b[0] != '"' && b[0] != '\'' {
		return ""
	}
	if j := bytes.IndexByte(b[1:], b[0]); j >= 0 {
		return string(b[1 : 1+j])
	}
	return ""
}

func (s *scanner) syntax(msg string) error {
	return &syntaxError{msg: msg, line: s.line + bytes.Count(s.buf[:s.pos], []byte("\n"))}
}

// fill reads more data, moving the unread bytes to the front and growing
// the buffer when it is full. It reports false at EOF or on error.
func (s *scanner) fill() bool {
	if s.eof {
		return false
	}
	if s.pos > 0 {
		s.line += bytes.Count(s.buf[:s.pos], []byte("\n"))
		n := copy(s.buf, s.buf[s.pos:s.end])
		s.pos, s.end = 0, n
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= maxToken {
			s.rerr, s.eof = errTokenTooLong, true
			return false
		}
		nb := make([]byte, 2*len(s.buf))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	for tries := 0; tries < 100; tries++ {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			s.eof = true
			if err != io.EOF {
				s.rerr = err
			}
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
	s.rerr, s.eof = io.ErrNoProgress, true
	return false
}

// find returns the index of sep at or after s.pos+from, reading more as
// needed; -1 at EOF.
func (s *scanner) find(sep []byte, from int) int {
	for {
		if i := bytes.Index(s.buf[s.pos+from:s.end], sep); i >= 0 {
			return s.pos + from + i
		}
		from = max(s.end-s.pos-len(sep)+1, 0)
		if !s.fill() {
			return -1
		}
	}
}

// next moves to the next token. It returns io.EOF at the clean end of the
// input, a *syntaxError for damaged XML, or the reader's error.
func (s *scanner) next() error {
	if s.selfEnd {
		s.selfEnd, s.kind = false, tokEnd
		return nil
	}
	for {
		if s.pos >= s.end && !s.fill() {
			if s.rerr != nil {
				return s.rerr
			}
			return io.EOF
		}
		if s.buf[s.pos] != '<' {
			return s.scanText()
		}
		if s.end-s.pos < 9 { // enough to tell "<![CDATA[" from the rest
			s.fill()
		}
		b := s.buf[s.pos:s.end]
		c := byte(0)
		if len(b) > 1 {
			c = b[1]
		}
		switch c {
		case '/':
			return s.scanTag(true)
		case '?':
			if err := s.skipPast([]byte("?>"), 2); err != nil {
				return err
			}
		case '!':
			switch {
			case bytes.HasPrefix(b, []byte("<!--")):
				if err := s.skipPast([]byte("-->"), 4); err != nil {
					return err
				}
			case bytes.HasPrefix(b, []byte("<![CDATA[")):
				i := s.find([]byte("]]>"), 9)
				if i < 0 {
					return s.eofError("CDATA section")
				}
				s.kind, s.text = tokText, s.normalize(s.buf[s.pos+9:i])
				s.pos = i + 3
				return nil
			default:
				// OPC forbids DTDs in package parts (ECMA-376-2, M1.17).
				return s.syntax("a DOCTYPE or other directive, which OOXML does not allow")
			}
		default:
			return s.scanTag(false)
		}
	}
}

func (s *scanner) eofError(what string) error {
	if s.rerr != nil {
		return s.rerr
	}
	return s.syntax("unexpected end of data in " + what)
}

func (s *scanner) skipPast(sep []byte, from int) error {
	i := s.find(sep, from)
	if i < 0 {
		return s.eofError("markup")
	}
	s.pos = i + len(sep)
	return nil
}

// scanTag reads a start or end tag at s.pos.
func (s *scanner) scanTag(isEnd bool) error {
	if !isEnd {
		// Fast path: the whole tag is in the buffer, parsed in one pass.
		if ok, err := s.parseStart(); ok || err != nil {
			return err
		}
	}
	// Make sure the whole tag is buffered: find the '>' outside quoted
	// attribute values, resuming where the last search stopped.
	quote := byte(0)
	i := s.pos + 1
	for {
		for ; i < s.end; i++ {
			c := s.buf[i]
			if quote != 0 {
				if c == quote {
					quote = 0
				}
			} else if c == '"' || c == '\'' {
				quote = c
			} else if c == '>' {
				goto found
			}
		}
		off := i - s.pos
		if !s.fill() {
			return s.eofError("tag")
		}
		i = s.pos + off
	}
found:
	if !isEnd {
		if ok, err := s.parseStart(); ok || err != nil {
			return err
		}
		return s.syntax("invalid start tag")
	}
	body := s.buf[s.pos+2 : i]
	s.pos = i + 1
	for len(body) > 0 && isSpace(body[len(body)-1]) {
		body = body[:len(body)-1]
	}
	if len(body) == 0 || !isNameByte(body[0]) || hasSpace(body) {
		return s.syntax("invalid end tag")
	}
	s.kind, s.name = tokEnd, localName(body)
	return nil
}

// attr is one attribute of the current start tag, as offsets into s.buf
// (or s.vals when decoded): a pointer-free struct is cheaper to append.
type attr struct {
	ns, ne, vs, ve int32
	dec            bool // the value is s.vals[vs:ve], entities decoded
}

// attrName and attrVal return an attribute's name and value; they are
// valid until the next token.
func (s *scanner) attrName(a *attr) []byte { return s.buf[a.ns:a.ne] }

func (s *scanner) attrVal(a *attr) []byte {
	if a.dec {
		return s.vals[a.vs:a.ve]
	}
	return s.buf[a.vs:a.ve]
}

// parseStart parses the start tag at s.pos and its attributes. It reports
// false, without error, when the tag does not end inside the buffer.
func (s *scanner) parseStart() (bool, error) {
	b := s.buf[s.pos:s.end]
	i := 1
	for i < len(b) && !isSpace(b[i]) && b[i] != '>' && b[i] != '/' {
		i++
	}
	if i == len(b) {
		return false, nil
	}
	name := b[1:i]
	if len(name) == 0 || !isNameByte(name[0]) {
		return false, s.syntax("invalid start tag")
	}
	s.attrList, s.vals = s.attrList[:0], s.vals[:0]
	for {
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i == len(b) {
			return false, nil
		}
		switch b[i] {
		case '>':
			s.pos += i + 1
			s.selfEnd = false
		case '/':
			if i+1 == len(b) {
				return false, nil
			}
			if b[i+1] != '>' {
				return false, s.syntax("invalid start tag")
			}
			s.pos += i + 2
			s.selfEnd = true
		default:
			var err error
			if i, err = s.parseAttr(b, i); i < 0 || err != nil {
				return false, err
			}
			continue
		}
		s.kind, s.name = tokStart, localName(name)
		return true, nil
	}
}

// parseAttr parses name="value" at b[i:] onto s.attrList and returns the
// index after it, or -1 if the buffer ends first.
func (s *scanner) parseAttr(b []byte, i int) (int, error) {
	ns := i
	for i < len(b) && b[i] != '=' && !isSpace(b[i]) {
		if c := b[i]; c == '"' || c == '\'' || c == '<' || c == '>' || c == '/' {
			return 0, s.syntax("invalid attribute name")
		}
		i++
	}
	name := b[ns:i]
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	if i == len(b) {
		return -1, nil
	}
	if b[i] != '=' || len(name) == 0 || !isNameByte(name[0]) {
		return 0, s.syntax("attribute without value")
	}
	i++
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	if i == len(b) {
		return -1, nil
	}
	q := b[i]
	if q != '"' && q != '\'' {
		return 0, s.syntax("unquoted attribute value")
	}
	i++
	vs := i
	special := false
	for ; i < len(b) && b[i] != q; i++ {
		switch b[i] {
		case '&', '\r':
			special = true
		case '<':
			return 0, s.syntax("'<' in attribute value")
		}
	}
	if i == len(b) {
		return -1, nil
	}
	base := int32(s.pos)
	a := attr{ns: base + int32(ns), ne: base + int32(ns+len(name)), vs: base + int32(vs), ve: base + int32(i)}
	if special {
		start := len(s.vals)
		var err error
		if s.vals, err = appendDecoded(s.vals, b[vs:i]); err != nil {
			return 0, s.syntax(err.Error())
		}
		a.dec, a.vs, a.ve = true, int32(start), int32(len(s.vals))
	}
	i++
	s.attrList = append(s.attrList, a)
	return i, nil
}

// isNameByte rejects what cannot start an XML name; multi-byte UTF-8
// lead bytes are let through.
func isNameByte(c byte) bool {
	return c == '_' || c == ':' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0x80
}

// localName strips a namespace prefix: "x:row" → "row". Names are short:
// a plain loop beats bytes.IndexByte's call overhead.
func localName(b []byte) []byte {
	for i := 1; i < len(b)-1; i++ {
		if b[i] == ':' {
			return b[i+1:]
		}
	}
	return b
}

func hasSpace(b []byte) bool {
	for _, c := range b {
		if isSpace(c) {
			return true
		}
	}
	return false
}

// scanText reads character data up to the next '<'. A very long run is
// returned in pieces (never splitting an entity or a CR LF pair) so that
// whitespace padding cannot make the buffer grow without bound.
func (s *scanner) scanText() error {
	from := 0
	for {
		if i := bytes.IndexByte(s.buf[s.pos+from:s.end], '<'); i >= 0 {
			return s.setText(s.buf[s.pos : s.pos+from+i])
		}
		from = s.end - s.pos
		if s.eof {
			if s.rerr != nil {
				return s.rerr
			}
			return s.setText(s.buf[s.pos:s.end])
		}
		if from >= min(len(s.buf), scanBufSize)/2 {
			// Emit what we have, but not a CR whose LF may follow nor
			// the start of an entity whose ';' may follow.
			cut := s.end
			if amp := bytes.LastIndexByte(s.buf[s.pos:cut], '&'); amp >= 0 && cut-(s.pos+amp) <= 12 && bytes.IndexByte(s.buf[s.pos+amp:cut], ';') < 0 {
				cut = s.pos + amp
			}
			if cut > s.pos && s.buf[cut-1] == '\r' {
				cut--
			}
			if cut > s.pos {
				return s.setText(s.buf[s.pos:cut])
			}
		}
		s.fill()
	}
}

func (s *scanner) setText(raw []byte) error {
	s.pos += len(raw)
	s.kind = tokText
	if bytes.IndexByte(raw, '&') < 0 {
		s.text = s.normalize(raw)
		return nil
	}
	out, err := appendDecoded(s.scratch[:0], raw)
	if err != nil {
		return s.syntax(err.Error())
	}
	s.scratch = out
	s.text = out
	return nil
}

// normalize applies XML's line-end rule, in place: CR LF and lone CR
// become LF. (A CR the writer meant is escaped as &#13; or _x000D_.)
func (s *scanner) normalize(b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	return normalizeCR(b)
}

func normalizeCR(b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	w := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\r' {
			c = '\n'
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
		}
		b[w] = c
		w++
	}
	return b[:w]
}

// appendDecoded appends raw with entity references replaced and line ends
// normalised. Normalisation applies to the literal text only: a CR written
// as &#13; is kept.
func appendDecoded(dst, raw []byte) ([]byte, error) {
	for len(raw) > 0 {
		amp := bytes.IndexByte(raw, '&')
		if amp < 0 {
			return append(dst, normalizeCRCopy(raw)...), nil
		}
		dst = append(dst, normalizeCRCopy(raw[:amp])...)
		raw = raw[amp:]
		semi := bytes.IndexByte(raw, ';')
		if semi < 0 || semi > 12 {
			return dst, errors.New("invalid character entity")
		}
		ent := raw[1:semi]
		raw = raw[semi+1:]
		switch string(ent) {
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "amp":
			dst = append(dst, '&')
		case "apos":
			dst = append(dst, '\'')
		case "quot":
			dst = append(dst, '"')
		default:
			r, ok := charRef(ent)
			if !ok {
				return dst, fmt.Errorf("invalid character entity &%s;", ent)
			}
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst, nil
}

// normalizeCRCopy is normalizeCR for text that must not be changed in
// place; it only allocates when there is a CR.
func normalizeCRCopy(b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	return normalizeCR(append([]byte(nil), b...))
}

// charRef decodes the inside of &#123; or &#x1F;.
func charRef(ent []byte) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	base, digits := 10, ent[1:]
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	if len(digits) == 0 {
		return 0, false
	}
	var r rune
	for _, c := range digits {
		var d byte
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case base == 16 && c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case base == 16 && c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, false
		}
		r = r*rune(base) + rune(d)
		if r > utf8.MaxRune {
			return 0, false
		}
	}
	if !isXMLChar(r) {
		return 0, false
	}
	return r, true
}

// isXMLChar is XML 1.0's Char production.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

func trimLeftSpace(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	return b
}
