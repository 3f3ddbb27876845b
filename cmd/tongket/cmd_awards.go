package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/intake"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/publish"
	"github.com/tongket/tongket/report"
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
	cmd.AddCommand(newAwardsRunCmd(a.deps, "validate", false, nil), newAwardsRunCmd(a.deps, "import", true, nil), newAwardsExportCmd(a.deps, nil))
	return cmd
}

type awardsRunOptions struct {
	deps
	paths  []string
	format string
	save   bool // import: store each valid roster; validate stores nothing
}

// newAwardsRunCmd makes "awards validate" or, with save, "awards import";
// runF, if set, runs instead of runAwards (tests of the flags).
func newAwardsRunCmd(get func() deps, name string, save bool, runF func(context.Context, *awardsRunOptions) error) *cobra.Command {
	o := &awardsRunOptions{save: save}
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
			o.deps, o.paths = get(), args
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runAwards(cmd.Context(), o)
		},
	}
	formatFlag(cmd, &o.format, "định dạng kết quả: text|json", "text", "json")
	return cmd
}

func runAwards(ctx context.Context, o *awardsRunOptions) error {
	open, run := o.openView, intake.ValidateAwards // validate stores nothing, not even a new database
	if o.save {
		open, run = o.openDB, intake.ImportAwards
	}
	db, err := open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	bar, clear := o.progress(lang.Text{VI: "Đang đọc danh sách", EN: "Reading the rosters"})
	res, err := run(ctx, db, o.paths, intake.Options{Now: o.now, Progress: bar})
	clear()
	if err != nil {
		return err
	}
	return o.writeIntake(res, o.format)
}

type awardsExportOptions struct {
	deps
	periodFlags
	formats                    []string
	output, form, organisation string
}

// newAwardsExportCmd makes "awards export"; runF, if set, runs instead of
// runAwardsExport (tests of the flags).
func newAwardsExportCmd(get func() deps, runF func(context.Context, *awardsExportOptions) error) *cobra.Command {
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
			o.deps = get()
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runAwardsExport(cmd.Context(), o)
		},
	}
	o.periodFlags.add(cmd)
	formatsFlag(cmd, &o.formats, "định dạng: xlsx,pdf,docx,json", []string{"xlsx", "pdf"}, report.FileFormats)
	cmd.Flags().StringVarP(&o.output, "output", "o", "", "thư mục ghi các tệp (mặc định thư mục hiện tại)")
	cmd.Flags().StringVar(&o.form, "form", "", "chỉ hình thức này, ví dụ \"Bằng khen\"")
	cmd.Flags().StringVar(&o.organisation, "organisation", "", "chỉ tổ chức này, ví dụ \"Hội Nông dân\"")
	return cmd
}

func runAwardsExport(ctx context.Context, o *awardsExportOptions) error {
	p, err := o.periodFlags.get()
	if err != nil {
		return err
	}
	db, err := o.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := publish.Roster(ctx, db, publish.RosterOptions{Period: p, Formats: o.formats, Output: o.output, Out: o.out,
		Form: o.form, Organisation: o.organisation, Lang: o.lang, Now: o.now})
	if res == nil || res.Screen {
		return err
	}
	for _, f := range res.Files {
		fmt.Fprintln(o.out, f)
	}
	if err != nil {
		return err
	}
	o.say(res.Line)
	return nil
}
