// Package docxtest runs the outside tools the tests of Word output check
// it with: LibreOffice, which converts a .docx to PDF as an officer's
// machine would show it, poppler's pdftotext, and python-docx. A test
// skips when a tool is missing, except on CI (CI=true), where .ci/run has
// installed them (libreoffice-writer-nogui, poppler-utils, python3-docx).
package docxtest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Need finds a tool on PATH, or skips the test (fails it on CI).
func Need(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required on CI (install %s): %v", name, pkg, err)
		}
		t.Skipf("%s not installed (%s)", name, pkg)
	}
	return p
}

// ToPDF converts .docx files with LibreOffice in one run, each into a PDF
// beside it, and returns the PDFs' paths. LibreOffice gets a profile of
// its own in a temporary folder, so tests converting at once do not
// share one.
func ToPDF(t testing.TB, docs ...string) []string {
	t.Helper()
	soffice := Need(t, "soffice", "libreoffice-writer-nogui")
	profile := t.TempDir()
	out := t.TempDir()
	args := []string{"-env:UserInstallation=file://" + filepath.ToSlash(profile), "--headless", "--convert-to", "pdf", "--outdir", out}
	cmd := exec.Command(soffice, append(args, docs...)...)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, stderr.Bytes())
	}
	var pdfs []string
	for _, d := range docs {
		p := filepath.Join(out, strings.TrimSuffix(filepath.Base(d), filepath.Ext(d))+".pdf")
		if st, err := os.Stat(p); err != nil || st.Size() == 0 {
			t.Fatalf("LibreOffice did not convert %s: %v\n%s", d, err, stderr.Bytes())
		}
		pdfs = append(pdfs, p)
	}
	return pdfs
}

// Text is pdftotext's reading of a PDF, pages separated by "\f"; layout
// keeps the columns.
func Text(t testing.TB, pdf string, layout bool) string {
	t.Helper()
	args := []string{"-enc", "UTF-8"}
	if layout {
		args = append(args, "-layout")
	}
	out, err := exec.Command(Need(t, "pdftotext", "poppler-utils"), append(args, pdf, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	return string(out)
}

// Python runs a python-docx script with args and returns its output; the
// script fails the test by exiting non-zero.
func Python(t testing.TB, script string, args ...string) string {
	t.Helper()
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		py = Need(t, "python3", "python3-docx")
	}
	if err := exec.Command(py, "-c", "import docx").Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("python-docx is required on CI (install python3-docx): %v", err)
		}
		t.Skip("python-docx not installed (python3-docx)")
	}
	cmd := exec.Command(py, append([]string{"-c", script}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python-docx: %v\n%s", err, stderr.Bytes())
	}
	return string(out)
}

// Flat is s with all white space collapsed to single spaces.
func Flat(s string) string { return strings.Join(strings.Fields(s), " ") }
