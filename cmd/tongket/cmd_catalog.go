package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/atomicfile"
	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/catalogbook"
	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/intake"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/store"
	"github.com/tongket/tongket/table"
	"github.com/tongket/tongket/xlsx"
)

func (a *app) catalogCmd() *cobra.Command {
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
			db, err := a.openDB(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			c, err := db.FullCatalog(cmd.Context())
			if err != nil {
				return err
			}
			return writeCatalog(a.out, c)
		},
	}
	var out string
	export := &cobra.Command{
		Use:     "export -o TỆP.xlsx",
		Short:   "Ghi danh mục ra tệp Excel để sửa",
		Example: "  tongket catalog export -o chi-tieu.xlsx",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return fail(nil, "hãy chỉ tệp ghi ra bằng -o, ví dụ -o chi-tieu.xlsx.", "name the output with -o, e.g. -o chi-tieu.xlsx.")
			}
			db, err := a.openDB(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			c, err := db.FullCatalog(cmd.Context())
			if err != nil {
				return err
			}
			if err := atomicfile.Write(out, func(w io.Writer) error { return catalogbook.Write(w, c) }); err != nil {
				return fail(err, "không ghi được %s.", "cannot write %s.", out)
			}
			fmt.Fprintln(a.out, out)
			return nil
		},
	}
	export.Flags().StringVarP(&out, "output", "o", "", "tệp Excel ghi ra")
	var force bool
	var format string
	imp := &cobra.Command{
		Use:   "import TỆP.xlsx",
		Short: "Nạp danh mục đã sửa",
		Long: `Đọc tệp danh mục (như "catalog export" ghi ra), kiểm tra từng ô như một biểu số liệu, rồi
thay danh mục đang dùng trong một giao dịch. Trang nào không có trong tệp (Quy tắc, Tổ chức,
Hình thức khen thưởng) thì giữ nguyên.` + exitStatusHelp,
		Example: "  tongket catalog import chi-tieu.xlsx\n  tongket catalog import --force chi-tieu.xlsx",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "text", "json"); err != nil {
				return err
			}
			data, problem := table.LoadFile(args[0], xlsx.DefaultLimits)
			im := &catalogbook.Imported{File: args[0]}
			if problem != nil {
				im.Findings = []finding.Finding{*problem}
			} else {
				im = catalogbook.Read(args[0], data)
			}
			db, err := a.openDB(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			cur, err := db.FullCatalog(cmd.Context())
			if err != nil {
				return err
			}
			var c *catalog.Catalog
			if im.Valid() {
				rules := im.Rules
				if !im.HasRules {
					rules = cur.Rules
				}
				c, err = catalog.New(im.Indicators, rules)
				if err != nil {
					im.Findings = append(im.Findings, finding.New(finding.Error, finding.ConstraintError, lang.F(
						"Danh mục mới không dùng được với các quy tắc đang có: %v. Hãy sửa hoặc thêm trang \"Quy tắc\".",
						"The new catalog does not fit the rules in force: %v. Fix them or include the \"Quy tắc\" sheet.", err)))
				}
			}
			if !im.Valid() {
				return a.writeIntake(intake.Single(im.File, im.SHA256, im.Findings), format)
			}
			// A sheet left out keeps what is in force.
			c.Organisations, c.AwardForms = im.Organisations, im.AwardForms
			if c.Organisations == nil {
				c.Organisations = cur.Organisations
			}
			if c.AwardForms == nil {
				c.AwardForms = cur.AwardForms
			}
			changes, err := db.ReplaceCatalog(cmd.Context(), c, force)
			var ce *store.CatalogChangeError
			if errors.As(err, &ce) {
				fmt.Fprintln(a.errOut, "tongket: danh mục mới làm thay đổi ý nghĩa số liệu đã lưu, nên chưa nạp:")
				for _, ch := range ce.Changes {
					fmt.Fprintf(a.errOut, "  - %s\n", describeChange(ch))
				}
				fmt.Fprintln(a.errOut, "Nếu đúng là muốn vậy, chạy lại với --force (số liệu đã lưu vẫn được giữ).")
				return errRefused
			}
			if err != nil {
				return err
			}
			for _, ch := range changes {
				a.info("Lưu ý: %s\n", describeChange(ch))
			}
			a.info("Đã nạp danh mục: %d chỉ tiêu, %d quy tắc, %d tổ chức, %d hình thức khen thưởng.\n",
				len(c.Indicators), len(c.Rules), len(c.Organisations), len(c.AwardForms))
			return nil
		},
	}
	imp.Flags().BoolVar(&force, "force", false, "nạp cả khi làm đổi ý nghĩa số liệu đã lưu")
	imp.Flags().StringVar(&format, "format", "text", "định dạng kết quả kiểm tra: text|json")
	cmd.AddCommand(export, imp)
	return cmd
}

func describeChange(c store.CatalogChange) string {
	switch c.What {
	case "removed":
		return fmt.Sprintf("bỏ chỉ tiêu %s đang có %d số liệu (số liệu vẫn giữ nhưng không còn được tổng hợp)", c.Indicator, c.Figures)
	case "agg":
		return fmt.Sprintf("đổi cách cộng của %s từ %s sang %s: tổng giai đoạn của %d số liệu sẽ tính khác", c.Indicator, c.From, c.To, c.Figures)
	}
	return fmt.Sprintf("đổi kiểu số của %s từ %s sang %s (%d số liệu)", c.Indicator, c.From, c.To, c.Figures)
}

func writeCatalog(w io.Writer, c *catalog.Catalog) error {
	for _, i := range c.Indicators {
		if _, err := fmt.Fprintf(w, "%-14s %-5s %-6s %-16s %s\n", i.Code, i.Agg, i.Kind, i.Unit, i.Name); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "\nQuy tắc:\n")
	for _, r := range c.Rules {
		fmt.Fprintf(w, "  [%s] %s\n", r.Severity, r.Describe)
	}
	fmt.Fprintf(w, "\nTổ chức: %v\nHình thức khen thưởng: %v\n", c.Organisations, c.AwardForms)
	return nil
}
