package xlsx

import (
	"bytes"
	"io"
	"unicode/utf8"
)

// cfbMagic starts every OLE2 compound file: old .xls, and also the
// envelope Office puts around a password-protected .xlsx.
var cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// encryptionInfo is the UTF-16LE name of the stream that an encrypted
// OOXML package has inside its CFB envelope (MS-OFFCRYPTO).
var encryptionInfo = utf16le("EncryptionInfo")

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

// sniffCFB tells a password-protected .xlsx from an old .xls. It searches
// the whole compound file for the stream name rather than walking the
// directory chain: the name cannot occur elsewhere in practice (BIFF
// stores its strings 8-bit when it can) and this also copes with
// truncated or hand-made containers. The file is at most MaxFileBytes.
func sniffCFB(r io.ReaderAt, size int64) error {
	const chunk = 64 << 10
	buf := make([]byte, chunk+len(encryptionInfo))
	keep := 0
	for off := int64(0); off < size; {
		n, err := r.ReadAt(buf[keep:keep+chunk], off)
		if n == 0 && err != nil {
			if err == io.EOF {
				break
			}
			return ioError("reading", err)
		}
		data := buf[:keep+n]
		if bytes.Contains(data, encryptionInfo) {
			return &ContainerError{Code: CodeEncrypted, Detail: "the workbook is protected with a password"}
		}
		off += int64(n)
		keep = min(len(encryptionInfo)-1, len(data))
		copy(buf, data[len(data)-keep:])
	}
	return notXLSX("xls")
}

// sniffText classifies a file that is neither a zip nor a compound file:
// "csv" for delimited text, "text" for other text, "unknown" for binary.
func sniffText(head []byte) string {
	if len(head) >= 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF) {
		// UTF-16 text (Excel's "Unicode Text" export): keep the ASCII bytes.
		big := head[0] == 0xFE
		var a []byte
		for i := 2; i+1 < len(head); i += 2 {
			c, z := head[i], head[i+1]
			if big {
				c, z = z, c
			}
			if z == 0 {
				a = append(a, c)
			} else {
				a = append(a, 'x')
			}
		}
		head = a
	}
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	if len(head) == 0 || !looksText(head) {
		return "unknown"
	}
	if looksDelimited(head) {
		return "csv"
	}
	return "text"
}

// looksText accepts UTF-8 and single-byte code pages (Vietnamese exports
// are often Windows-1258): no NULs and few control characters.
func looksText(b []byte) bool {
	ctl := 0
	for _, c := range b {
		switch {
		case c == 0:
			return false
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f':
			ctl++
		}
	}
	if ctl*100 > len(b) {
		return false
	}
	if utf8.Valid(b) {
		return true
	}
	// Not UTF-8: still text if mostly printable ASCII.
	hi := 0
	for _, c := range b {
		if c >= 0x80 {
			hi++
		}
	}
	return hi*3 < len(b)
}

// looksDelimited reports whether the first lines share a field separator:
// the same non-zero count of ',', ';', tab or '|' outside quotes in most
// lines.
func looksDelimited(b []byte) bool {
	lines := bytes.Split(b, []byte("\n"))
	if len(lines) > 1 {
		lines = lines[:len(lines)-1] // the last line may be cut off
	}
	if len(lines) > 20 {
		lines = lines[:20]
	}
	for _, sep := range []byte{',', ';', '\t', '|'} {
		first, agree, total := -1, 0, 0
		for _, l := range lines {
			if len(bytes.TrimSpace(l)) == 0 {
				continue
			}
			n := countUnquoted(l, sep)
			if first < 0 {
				if n == 0 {
					break
				}
				first = n
			}
			total++
			if n == first {
				agree++
			}
		}
		if first > 0 && agree*3 >= total*2 {
			return true
		}
	}
	return false
}

func countUnquoted(l []byte, sep byte) int {
	n, quoted := 0, false
	for _, c := range l {
		switch {
		case c == '"':
			quoted = !quoted
		case c == sep && !quoted:
			n++
		}
	}
	return n
}
