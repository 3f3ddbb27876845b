package annotate

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
)

var (
	localSheetID = regexp.MustCompile(`(<definedName\b[^>]*\blocalSheetId=")(\d+)(")`)
	relationship = regexp.MustCompile(`<Relationship\b[^>]*>`)
	relTarget    = regexp.MustCompile(`\bTarget="([^"]+)"`)
)

// shiftScopes adds by to the sheet position of every sheet-scoped defined
// name in the package's workbook part, copying every other part as it is.
func shiftScopes(pkg []byte, by int) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		return nil, fmt.Errorf("shift scopes: %w", err)
	}
	wbPath := "xl/workbook.xml"
	for _, f := range zr.File {
		if f.Name != "_rels/.rels" {
			continue
		}
		rels, err := readAll(f)
		if err != nil {
			return nil, err
		}
		for _, rel := range relationship.FindAllString(string(rels), -1) {
			if strings.Contains(rel, "/officeDocument\"") {
				if m := relTarget.FindStringSubmatch(rel); m != nil {
					wbPath = strings.TrimPrefix(path.Clean("/"+m[1]), "/")
				}
			}
		}
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name != wbPath {
			if err := zw.Copy(f); err != nil {
				return nil, fmt.Errorf("shift scopes: %w", err)
			}
			continue
		}
		data, err := readAll(f)
		if err != nil {
			return nil, err
		}
		data = localSheetID.ReplaceAllFunc(data, func(m []byte) []byte {
			p := localSheetID.FindSubmatch(m)
			n, _ := strconv.Atoi(string(p[2]))
			return []byte(string(p[1]) + strconv.Itoa(n+by) + string(p[3]))
		})
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		if err != nil {
			return nil, fmt.Errorf("shift scopes: %w", err)
		}
		if _, err := w.Write(data); err != nil {
			return nil, fmt.Errorf("shift scopes: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("shift scopes: %w", err)
	}
	return out.Bytes(), nil
}

func readAll(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("shift scopes: %s: %w", f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return nil, fmt.Errorf("shift scopes: %s: %w", f.Name, err)
	}
	return b, nil
}
