package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/atomicfile"
	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/catalogbook"
	"github.com/tongket/tongket/intake"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/store"
)

type catalogOptions struct {
	deps
}

type catalogExportOptions struct {
	deps
	output string
}

type catalogImportOptions struct {
	deps
	file   string
	force  bool
	format string
}

func (a *app) catalogCmd() *cobra.Command { return newCatalogCmd(a.deps, catalogRuns{}) }

// catalogRuns, where set, run instead of runCatalog, runCatalogExport and
// runCatalogImport (tests of the flags).
type catalogRuns struct {
	list func(context.Context, *catalogOptions) error
	exp  func(context.Context, *catalogExportOptions) error
	imp  func(context.Context, *catalogImportOptions) error
}

// newCatalogCmd makes "catalog" with "export" and "import".
func newCatalogCmd(get func() deps, runs catalogRuns) *cobra.Command {
	if runs.list == nil {
		runs.list = runCatalog
	}
	if runs.exp == nil {
		runs.exp = runCatalogExport
	}
	if runs.imp == nil {
		runs.imp = runCatalogImport
	}
	o := &catalogOptions{}
	cmd := &cobra.Command{
		Use:   "catalog",
		Short: "Danh mục chỉ tiêu, quy tắc, tổ chức, hình thức khen thưởng / the catalog",
		Long: `Không có tham số: in danh mục chỉ tiêu đang dùng. "catalog export" ghi danh mục ra một tệp
Excel để sửa (đổi tên, thêm chỉ tiêu, quy tắc, tổ chức, hình thức khen thưởng); "catalog
import" nạp lại. Việc nạp không bao giờ âm thầm đổi ý nghĩa số liệu đã lưu: bỏ một chỉ tiêu
đã có số liệu, đổi cách cộng (sum/last) hoặc đổi kiểu tiền thành số nguyên phải thêm --force,
và lệnh nói rõ ảnh hưởng đến bao nhiêu số liệu. Số liệu đã lưu không bao giờ bị xóa.` + exitStatusHelp,
		Example: `  tongket catalog
  tongket catalog export -o chi-tieu.xlsx
  tongket catalog import chi-tieu.xlsx`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.deps = get()
			return runs.list(cmd.Context(), o)
		},
	}
	eo := &catalogExportOptions{}
	export := &cobra.Command{
		Use:     "export -o TỆP.xlsx",
		Short:   "Ghi danh mục ra tệp Excel để sửa / write the catalog to a workbook to edit",
		Example: "  tongket catalog export -o chi-tieu.xlsx",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if eo.output == "" {
				return fail(nil, "hãy chỉ tệp ghi ra bằng -o, ví dụ -o chi-tieu.xlsx.", "name the output with -o, e.g. -o chi-tieu.xlsx.")
			}
			eo.deps = get()
			return runs.exp(cmd.Context(), eo)
		},
	}
	export.Flags().StringVarP(&eo.output, "output", "o", "", "tệp Excel ghi ra")
	ipo := &catalogImportOptions{}
	imp := &cobra.Command{
		Use:   "import TỆP.xlsx",
		Short: "Nạp danh mục đã sửa / import an edited catalog",
		Long: `Đọc tệp danh mục (như "catalog export" ghi ra), kiểm tra từng ô như một biểu số liệu, rồi
thay danh mục đang dùng trong một giao dịch. Trang nào không có trong tệp (Quy tắc, Tổ chức,
Hình thức khen thưởng) thì giữ nguyên.` + exitStatusHelp,
		Example: "  tongket catalog import chi-tieu.xlsx\n  tongket catalog import --force chi-tieu.xlsx",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ipo.deps, ipo.file = get(), args[0]
			return runs.imp(cmd.Context(), ipo)
		},
	}
	imp.Flags().BoolVar(&ipo.force, "force", false, "nạp cả khi làm đổi ý nghĩa số liệu đã lưu")
	formatFlag(imp, &ipo.format, "định dạng kết quả kiểm tra: text|json", "text", "json")
	cmd.AddCommand(export, imp)
	return cmd
}

// runCatalog prints the catalog in force.
func runCatalog(ctx context.Context, o *catalogOptions) error {
	db, err := o.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	c, err := db.FullCatalog(ctx)
	if err != nil {
		return err
	}
	return writeCatalog(o.out, c, o.lang)
}

// runCatalogExport writes the catalog in force to a workbook.
func runCatalogExport(ctx context.Context, o *catalogExportOptions) error {
	db, err := o.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	c, err := db.FullCatalog(ctx)
	if err != nil {
		return err
	}
	if err := atomicfile.Write(o.output, func(w io.Writer) error { return catalogbook.Write(w, c) }); err != nil {
		return fail(err, "không ghi được %s.", "cannot write %s.", o.output)
	}
	fmt.Fprintln(o.out, o.output)
	return nil
}

// runCatalogImport reads an edited catalog, merges it over the one in
// force and stores it, or says what is wrong with it.
func runCatalogImport(ctx context.Context, o *catalogImportOptions) error {
	im := catalogbook.ReadFile(o.file)
	db, err := o.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	cur, err := db.FullCatalog(ctx)
	if err != nil {
		return err
	}
	c := im.Merge(cur)
	if c == nil {
		return o.writeIntake(intake.Single(im.File, im.SHA256, im.Findings), o.format)
	}
	changes, err := db.ReplaceCatalog(ctx, c, o.force)
	var ce *store.CatalogChangeError
	if errors.As(err, &ce) {
		fmt.Fprintln(o.errOut, "tongket: "+lang.F("danh mục mới làm thay đổi ý nghĩa số liệu đã lưu, nên chưa nạp:",
			"the new catalog changes the meaning of stored figures, so it was not imported:").In(o.lang))
		for _, ch := range ce.Changes {
			fmt.Fprintf(o.errOut, "  - %s\n", describeChange(ch).In(o.lang))
		}
		fmt.Fprintln(o.errOut, lang.F("Nếu đúng là muốn vậy, chạy lại với --force (số liệu đã lưu vẫn được giữ).",
			"If that is what you want, run again with --force (stored figures are kept).").In(o.lang))
		return errRefused
	}
	if err != nil {
		return err
	}
	for _, ch := range changes {
		o.say(lang.Join("", lang.F("Lưu ý: ", "Note: "), describeChange(ch)))
	}
	o.sayf("Đã nạp danh mục: %d chỉ tiêu, %d quy tắc, %d tổ chức, %d hình thức khen thưởng.",
		"Catalog imported: %d indicators, %d rules, %d organisations, %d award forms.",
		len(c.Indicators), len(c.Rules), len(c.Organisations), len(c.AwardForms))
	return nil
}

// describeChange says what a catalog change does to stored figures.
func describeChange(c store.CatalogChange) lang.Text {
	switch c.What {
	case "removed":
		return lang.F("bỏ chỉ tiêu %s đang có %d số liệu (số liệu vẫn giữ nhưng không còn được tổng hợp)",
			"removes indicator %s, which has %d figures (they are kept but no longer summarized)", c.Indicator, c.Figures)
	case "agg":
		return lang.F("đổi cách cộng của %s từ %s sang %s: tổng giai đoạn của %d số liệu sẽ tính khác",
			"changes how %s adds up from %s to %s: the period totals of %d figures will differ", c.Indicator, c.From, c.To, c.Figures)
	}
	return lang.F("đổi kiểu số của %s từ %s sang %s (%d số liệu)",
		"changes the number kind of %s from %s to %s (%d figures)", c.Indicator, c.From, c.To, c.Figures)
}

// writeCatalog prints the catalog: one indicator a line, then the rules,
// organisations and award forms.
func writeCatalog(w io.Writer, c *catalog.Catalog, l lang.Lang) error {
	for _, i := range c.Indicators {
		if _, err := fmt.Fprintf(w, "%-14s %-5s %-6s %-16s %s\n", i.Code, i.Agg, i.Kind, i.Unit, i.Name); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "\n%s\n", lang.F("Quy tắc:", "Rules:").In(l))
	for _, r := range c.Rules {
		rule := r.Left + " " + r.Op + " " + r.Right
		if r.HasWhen {
			rule += lang.F(" khi %s", " when %s", r.When).In(l)
		}
		fmt.Fprintf(w, "  [%s] %s\n", r.Severity, rule)
	}
	_, err := fmt.Fprintf(w, "\n%s %v\n%s %v\n",
		lang.F("Tổ chức:", "Organisations:").In(l), c.Organisations,
		lang.F("Hình thức khen thưởng:", "Award forms:").In(l), c.AwardForms)
	return err
}
