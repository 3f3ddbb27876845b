package table

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/xlsx"
)

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "ds.xlsx")
	if err := os.WriteFile(small, []byte("PK\x03\x04 twelve bytes"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string
		lim  xlsx.Limits
		code string // "" when the bytes come back
		text string
	}{
		{"read whole", small, xlsx.Limits{}, "", ""},
		{"missing", filepath.Join(dir, "none.xlsx"), xlsx.Limits{}, finding.CorruptFile, "Không đọc được tệp"},
		{"over the size limit", small, xlsx.Limits{MaxFileBytes: 4}, finding.TooLarge, "vượt giới hạn"},
		{"a folder", dir, xlsx.Limits{}, finding.CorruptFile, "Không đọc được tệp"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, problem := LoadFile(tt.path, tt.lim)
			if tt.code == "" {
				if problem != nil || string(data) != "PK\x03\x04 twelve bytes" {
					t.Fatalf("data %q problem %+v", data, problem)
				}
				return
			}
			if problem == nil || data != nil {
				t.Fatalf("data %q, no problem", data)
			}
			if problem.Code != tt.code || problem.Severity != finding.Error || !strings.Contains(problem.Text.VI, tt.text) || problem.Text.EN == "" {
				t.Errorf("%+v", problem)
			}
		})
	}
}

func TestContainerFinding(t *testing.T) {
	tests := []struct {
		err  error
		code string
		text string
	}{
		{&xlsx.ContainerError{Code: xlsx.CodeNotXLSX, Detail: "xls"}, finding.NotXLSX, "tệp Excel cũ (.xls)"},
		{&xlsx.ContainerError{Code: xlsx.CodeNotXLSX, Detail: "ods"}, finding.NotXLSX, "(.ods)"},
		{&xlsx.ContainerError{Code: xlsx.CodeNotXLSX, Detail: "csv"}, finding.NotXLSX, "văn bản/CSV"},
		{&xlsx.ContainerError{Code: xlsx.CodeNotXLSX, Detail: "xlsb"}, finding.NotXLSX, "không phải là sổ làm việc Excel"},
		{&xlsx.ContainerError{Code: xlsx.CodeEncrypted}, finding.Encrypted, "mật khẩu"},
		{&xlsx.ContainerError{Code: xlsx.CodeTooLarge, Detail: "part x unpacks to more than the limit"}, finding.TooLarge, "part x unpacks"},
		{&xlsx.ContainerError{Code: xlsx.CodeCorrupt, Detail: "the file is cut short"}, finding.CorruptFile, "Tệp bị hỏng, không đọc được (the file is cut short)"},
		{errors.New("disk gone"), finding.CorruptFile, "Không đọc được tệp: disk gone"},
	}
	for _, tt := range tests {
		f := ContainerFinding(tt.err)
		if f.Code != tt.code || f.Severity != finding.Error || !strings.Contains(f.Text.VI, tt.text) || f.Text.EN == "" || f.Sheet != "" {
			t.Errorf("%v: %+v", tt.err, f)
		}
	}
}

func TestReadProblem(t *testing.T) {
	tests := []struct {
		err  error
		code string
		text string
	}{
		{&xlsx.ContainerError{Code: xlsx.CodeCorrupt, Detail: `the XML of sheet "DS" ends inside <sheetData>`}, finding.CorruptFile, `Trang "DS" bị hỏng hoặc bị cắt cụt`},
		{&xlsx.ContainerError{Code: xlsx.CodeTooLarge, Detail: "too many rows"}, finding.TooLarge, "too many rows"},
		{errors.New("xlsx: reading xl/worksheets/sheet1.xml: i/o error"), finding.CorruptFile, "i/o error"},
	}
	for _, tt := range tests {
		f := ReadProblem("DS", tt.err)
		if f.Code != tt.code || f.Sheet != "DS" || f.Cell != "" || f.Severity != finding.Error || !strings.Contains(f.Text.VI, tt.text) || f.Text.EN == "" {
			t.Errorf("%v: %+v", tt.err, f)
		}
	}
}

func TestNotXLSXByName(t *testing.T) {
	tests := []struct{ path, text string }{
		{"bao-cao.XLS", "tệp Excel cũ (.xls)"},
		{"a/b.ods", "(.ods)"},
		{"so-lieu.csv", "văn bản/CSV"},
		{"x.numbers", "không phải là sổ làm việc Excel"},
	}
	for _, tt := range tests {
		f := NotXLSXByName(tt.path)
		if f.Code != finding.NotXLSX || !strings.Contains(f.Text.VI, tt.text) || f.Text.EN == "" {
			t.Errorf("%s: %+v", tt.path, f)
		}
	}
}
