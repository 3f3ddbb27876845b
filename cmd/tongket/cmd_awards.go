package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/atomicfile"
	"github.com/tongket/tongket/intake"
	"github.com/tongket/tongket/report"
	"github.com/tongket/tongket/roster"
)

func (a *app) awardsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "awards",
		Short: "Danh sách khen thưởng: kiểm tra, nhập, in / award rosters",
		Long: `Các đơn vị gửi danh sách tập thể, cá nhân đề nghị khen thưởng (.xlsx, cột: STT | Họ và
tên / Tên tập thể | Loại | Chức vụ | Đơn vị | Tổ chức | Hình thức | Cấp khen | Số quyết định |
Ngày quyết định | Thành tích). Danh sách trình bày như bản in cũng đọc được: dòng "I. TẬP THỂ",
"II. CÁ NHÂN" thay cột Loại, dòng tên tổ chức ("Hội Nông dân") thay cột Tổ chức; danh sách do
"awards export" ghi ra nhập lại được nguyên vẹn. Mọi trang tính hiện có bảng đều được đọc (trang
"Tập thể" và trang "Cá nhân" là một danh sách). "awards validate" kiểm tra, "awards import" lưu,
"awards export" in danh sách theo giai đoạn: tập thể trước, cá nhân sau, theo tổ chức, xếp theo
tên kiểu Việt Nam, kèm dòng tổng hợp số lượng.` + exitStatusHelp,
		Example: `  tongket awards validate danh-sach/
  tongket awards import danh-sach/
  tongket awards export --period 2019-2024 -o bao-cao/`,
	}
	cmd.AddCommand(a.awardsRunCmd("validate", false), a.awardsRunCmd("import", true), a.awardsExportCmd())
	return cmd
}

func (a *app) awardsRunCmd(name string, save bool) *cobra.Command {
	var format string
	short, long := "Kiểm tra danh sách khen thưởng, không lưu gì", `Đọc và kiểm tra từng danh sách: thiếu tên, Loại / Tổ chức / Hình thức không có trong danh
mục (gợi ý giá trị gần nhất), ngày quyết định sai hoặc ngoài các năm danh sách ghi, cùng một
người hay tập thể (cùng tên, cùng đơn vị) hai lần cho cùng hình thức trong cùng giai đoạn,
kể cả giữa hai tệp hoặc với danh sách đã nhập.`
	if save {
		short = "Kiểm tra rồi lưu danh sách khen thưởng"
		long += `
Mỗi tệp hợp lệ được lưu trọn vẹn; tệp có lỗi bị từ chối. Nhập lại đúng tệp cũ thì bỏ qua.
Danh sách được nhận diện theo đơn vị gửi (dòng tên cơ quan ở đầu danh sách, hoặc thư mục chứa
tệp nếu đầu danh sách không ghi) và năm, giai đoạn: bản sửa là tệp cùng tên của cùng đơn vị, cùng
kỳ, và thay cho bản đã nhập; hai xã cùng gửi "DS khen thuong.xlsx" là hai danh sách.`
	}
	cmd := &cobra.Command{
		Use:     name + " TỆP|THƯ_MỤC...",
		Short:   short,
		Long:    long + exitStatusHelp,
		Example: "  tongket awards " + name + " danh-sach/",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, "text", "json"); err != nil {
				return err
			}
			open, run := a.openView, intake.ValidateAwards // validate stores nothing, not even a new database
			if save {
				open, run = a.openDB, intake.ImportAwards
			}
			db, err := open(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			bar, clear := a.progress("Đang đọc danh sách")
			res, err := run(cmd.Context(), db, args, intake.Options{Now: a.now, Progress: bar})
			clear()
			if err != nil {
				return err
			}
			return a.writeIntake(res, format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "định dạng kết quả: text|json")
	return cmd
}

type awardsExportOptions struct {
	periodFlags
	format, output, form, organisation string
}

func (a *app) awardsExportCmd() *cobra.Command {
	o := &awardsExportOptions{}
	cmd := &cobra.Command{
		Use:   "export --period TỪ-ĐẾN",
		Short: "In danh sách khen thưởng của giai đoạn (Excel, PDF, Word, JSON)",
		Long: `Ghi danh sách khen thưởng có ngày quyết định trong giai đoạn, theo thứ tự in: I. TẬP THỂ,
II. CÁ NHÂN; trong mỗi phần theo tổ chức (Công an, Mặt trận Tổ quốc, Hội Cựu chiến binh, …);
cá nhân xếp theo tên rồi tên đệm rồi họ, theo thứ tự chữ cái tiếng Việt. Kèm dòng tổng hợp
và bảng số lượng theo tổ chức, loại, hình thức. Tệp: khen-thuong-2019-2024.xlsx/.pdf/.docx/.json
trong thư mục -o; chỉ --format json thì in ra màn hình (hoặc -o TỆP).` + exitStatusHelp,
		Example: `  tongket awards export --period 2019-2024 -o bao-cao/
  tongket awards export --period 2019-2024 --form "Bằng khen" --organisation "Hội Nông dân" --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			p, err := o.get()
			if err != nil {
				return err
			}
			formats := strings.Split(o.format, ",")
			for _, f := range formats {
				if !slices.Contains(report.FileFormats, f) {
					return fail(nil, "định dạng %q không hỗ trợ; chọn trong xlsx, pdf, docx, json.", "format %q is not supported; use xlsx, pdf, docx or json.", f)
				}
			}
			db, err := a.openDB(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			lists, err := db.AwardLists(cmd.Context())
			if err != nil {
				return err
			}
			if o.form != "" && !slices.Contains(lists.Forms, o.form) {
				return fail(nil, "không có hình thức khen thưởng %q; các hình thức: %s.", "there is no award form %q; forms: %s.", o.form, strings.Join(lists.Forms, ", "))
			}
			if o.organisation != "" && !slices.Contains(lists.Organisations, o.organisation) {
				return fail(nil, "không có tổ chức %q; các tổ chức: %s.", "there is no organisation %q; organisations: %s.", o.organisation, strings.Join(lists.Organisations, ", "))
			}
			entries, err := db.Awards(cmd.Context(), p.From, p.To)
			if err != nil {
				return err
			}
			e := roster.Build(entries, lists, p.From, p.To, o.form, o.organisation)
			if len(formats) == 1 && formats[0] == "json" && !isDir(o.output) {
				if o.output == "" || o.output == "-" {
					return roster.WriteJSON(a.out, e)
				}
				if err := atomicfile.Write(o.output, func(w io.Writer) error { return roster.WriteJSON(w, e) }); err != nil {
					return fail(err, "không ghi được tệp %s: hãy kiểm tra thư mục có tồn tại và có quyền ghi.",
						"cannot write %s: check the folder exists and is writable.", o.output)
				}
				return nil
			}
			stored, err := db.Settings(cmd.Context())
			if err != nil {
				return err
			}
			dir := o.output
			if dir == "" {
				dir = "."
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return fail(err, "không tạo được thư mục %s.", "cannot create the folder %s.", dir)
			}
			paths, err := report.WriteRosterOutputs(dir, formats, e, report.NewDocument(stored, nil, a.now()))
			for _, p := range paths {
				fmt.Fprintln(a.out, p)
			}
			if err != nil {
				return fail(err, "không ghi được danh sách vào %s.", "cannot write the roster into %s.", dir)
			}
			a.info("%s\n", e.Line)
			return nil
		},
	}
	o.periodFlags.add(cmd)
	cmd.Flags().StringVar(&o.format, "format", "xlsx,pdf", "định dạng: xlsx,pdf,docx,json")
	cmd.Flags().StringVarP(&o.output, "output", "o", "", "thư mục ghi các tệp (mặc định thư mục hiện tại)")
	cmd.Flags().StringVar(&o.form, "form", "", "chỉ hình thức này, ví dụ \"Bằng khen\"")
	cmd.Flags().StringVar(&o.organisation, "organisation", "", "chỉ tổ chức này, ví dụ \"Hội Nông dân\"")
	return cmd
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
