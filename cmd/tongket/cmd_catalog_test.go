package main

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tongket/tongket/lang"
)

func TestCatalogFlags(t *testing.T) {
	type ran struct {
		list bool
		exp  *catalogExportOptions
		imp  *catalogImportOptions
	}
	tests := []struct {
		args    []string
		want    ran
		wantErr string
	}{
		{nil, ran{list: true}, ""},
		{[]string{"export", "-o", "chi-tieu.xlsx"}, ran{exp: &catalogExportOptions{output: "chi-tieu.xlsx"}}, ""},
		{[]string{"export"}, ran{}, "hãy chỉ tệp ghi ra bằng -o"},
		{[]string{"import", "chi-tieu.xlsx"}, ran{imp: &catalogImportOptions{file: "chi-tieu.xlsx", format: "text"}}, ""},
		{[]string{"import", "--force", "--format", "json", "chi-tieu.xlsx"}, ran{imp: &catalogImportOptions{file: "chi-tieu.xlsx", force: true, format: "json"}}, ""},
		{[]string{"import", "--format", "pdf", "chi-tieu.xlsx"}, ran{}, `định dạng "pdf" không hỗ trợ`},
		{[]string{"import"}, ran{}, "accepts 1 arg"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var got ran
			err := execute(newCatalogCmd(noDeps, catalogRuns{
				list: func(context.Context, *catalogOptions) error { got.list = true; return nil },
				exp:  func(_ context.Context, o *catalogExportOptions) error { o.deps = deps{}; got.exp = o; return nil },
				imp:  func(_ context.Context, o *catalogImportOptions) error { o.deps = deps{}; got.imp = o; return nil },
			}), tt.args...)
			if tt.wantErr != "" && !strings.Contains(said(err, lang.VI), tt.wantErr) {
				t.Errorf("error %q, want %q", said(err, lang.VI), tt.wantErr)
			}
			if tt.wantErr == "" && err != nil {
				t.Errorf("error %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ran %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestRunCatalog: the listing's headings, the export, and an import that
// changes the meaning of stored figures, refused and said in the chosen
// language.
func TestRunCatalog(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	d, stdout, _ := testDeps(t, dir)
	d.lang = lang.EN
	if err := runCatalog(ctx, &catalogOptions{deps: d}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"TT_BUOI", "\nRules:\n", "  [warning] NHA_TIEN > 0 when NHA_SO > 0\n", "\nOrganisations: [", "\nAward forms: ["} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("listing lacks %q:\n%s", want, stdout)
		}
	}

	file := filepath.Join(dir, "chi-tieu.xlsx")
	d, stdout, _ = testDeps(t, dir)
	if err := runCatalogExport(ctx, &catalogExportOptions{deps: d, output: file}); err != nil || stdout.String() != file+"\n" {
		t.Fatalf("export: %v %q", err, stdout)
	}
	good, _ := sample(t, dir)
	d, _, _ = testDeps(t, dir)
	if err := runIngest(ctx, &ingestOptions{deps: d, paths: []string{good}, format: "text", failOn: "error"}); err != nil {
		t.Fatal(err)
	}
	edit(t, file, func(f *excelize.File) { f.SetCellStr("Chỉ tiêu", "D2", "last") }) // MH_TRIENKHAI: sum → last
	for l, want := range map[lang.Lang][]string{
		lang.EN: {"tongket: the new catalog changes the meaning of stored figures, so it was not imported:\n",
			"  - changes how MH_TRIENKHAI adds up from sum to last: the period totals of 17 figures will differ\n",
			"If that is what you want, run again with --force (stored figures are kept).\n"},
		lang.VI: {"tongket: danh mục mới làm thay đổi ý nghĩa số liệu đã lưu, nên chưa nạp:\n",
			"  - đổi cách cộng của MH_TRIENKHAI từ sum sang last: tổng giai đoạn của 17 số liệu sẽ tính khác\n",
			"Nếu đúng là muốn vậy, chạy lại với --force (số liệu đã lưu vẫn được giữ).\n"},
	} {
		d, _, stderr := testDeps(t, dir)
		d.lang = l
		err := runCatalogImport(ctx, &catalogImportOptions{deps: d, file: file, format: "text"})
		if !errors.Is(err, errRefused) || stderr.String() != strings.Join(want, "") {
			t.Errorf("%s: %v\n%s", l, err, stderr)
		}
	}
	d, _, stderr := testDeps(t, dir)
	d.lang = lang.EN
	if err := runCatalogImport(ctx, &catalogImportOptions{deps: d, file: file, format: "text", force: true}); err != nil {
		t.Fatal(err)
	}
	if want := "Note: changes how MH_TRIENKHAI adds up from sum to last: the period totals of 17 figures will differ\n" +
		"Catalog imported: 18 indicators, 5 rules, 7 organisations, 3 award forms.\n"; stderr.String() != want {
		t.Errorf("--force: %q, want %q", stderr, want)
	}
}
