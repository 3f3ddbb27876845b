package main

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/publish"
	"github.com/tongket/tongket/report"
	"github.com/tongket/tongket/summary"
)

// periodFlags are the three ways of naming a period.
type periodFlags struct {
	period         string
	from, to, span int
}

func (p *periodFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&p.period, "period", "", "giai đoạn, ví dụ 2013-2023")
	cmd.Flags().IntVar(&p.from, "from", 0, "năm đầu giai đoạn")
	cmd.Flags().IntVar(&p.to, "to", 0, "năm cuối giai đoạn")
	cmd.Flags().IntVar(&p.span, "years", 0, "số năm của giai đoạn (cùng với --to)")
}

func (p *periodFlags) get() (summary.Period, error) {
	per, err := summary.PeriodFromFlags(p.period, p.from, p.to, p.span)
	if err != nil {
		return per, fail(err, "giai đoạn không hợp lệ: hãy dùng --period 2013-2023, hoặc --from 2013 --to 2023, hoặc --years 10 --to 2023.",
			"invalid period: use --period 2013-2023, or --from 2013 --to 2023, or --years 10 --to 2023.")
	}
	return per, nil
}

type summarizeOptions struct {
	deps
	periodFlags
	formats      []string
	output       string
	template     string
	docxTemplate string
	chart        string
	settings     map[string]string // document settings given as flags
}

func (a *app) summarizeCmd() *cobra.Command { return newSummarizeCmd(a.deps, nil) }

// newSummarizeCmd makes "summarize"; runF, if set, runs instead of
// runSummarize (tests of the flags).
func newSummarizeCmd(get func() deps, runF func(context.Context, *summarizeOptions) error) *cobra.Command {
	o := &summarizeOptions{settings: map[string]string{}}
	cmd := &cobra.Command{
		Use:   "summarize --period TỪ-ĐẾN",
		Short: "Lập bảng tổng hợp Excel và báo cáo PDF, Word của giai đoạn / compile the period summary",
		Long: `Cộng dồn số liệu đang có hiệu lực theo giai đoạn: chỉ tiêu "cộng dồn" cộng các năm,
chỉ tiêu "thời điểm" (như số mô hình đang hoạt động) lấy số của năm cuối; so sánh với
giai đoạn trước cùng độ dài; và tình hình báo cáo của các đơn vị.

Giai đoạn gọi theo số năm của nó: --period 2013-2023 là "10 năm", --years 5 --to 2024 là
2019–2024 ("5 năm"). Chỉ so sánh với giai đoạn trước khi cả hai giai đoạn có từ 90% số
liệu trở lên (lượt đơn vị-năm); nếu không, báo cáo nói rõ giai đoạn nào còn thiếu bao nhiêu.

Mặc định ghi ba tệp vào thư mục -o (mặc định thư mục hiện tại):
  tong-ket-2013-2023.xlsx  bảng tổng hợp; trang "Tổng hợp" là biểu số liệu của đơn vị
                           tổng hợp (unit-code), cấp trên nhập thẳng được
  tong-ket-2013-2023.pdf   báo cáo theo thể thức Nghị định 30/2020/NĐ-CP, đủ các mục của
                           báo cáo tổng kết; mục đơn vị tự viết (đặc điểm tình hình, lãnh
                           đạo chỉ đạo, đánh giá, bài học, phương hướng, kiến nghị) lấy từ
                           tệp nội dung dưới đây; mục chưa viết in "[Đơn vị bổ sung: …]" và
                           được liệt kê trên stderr
  tong-ket-2013-2023.docx  cùng báo cáo dạng Word, sửa được
Lần đầu, lệnh ghi thêm tong-ket-2013-2023-noi-dung.docx: mỗi mục đơn vị tự viết một đề mục,
có hướng dẫn và gợi ý rút từ số liệu. Đơn vị viết vào tệp này bằng Word; mỗi lần chạy lại,
nội dung được đưa vào báo cáo (PDF, Word, text) đúng đề mục, tệp không bao giờ bị ghi đè.
Trong tệp này và trong mẫu Word riêng (--docx-template TỆP, thay cho báo cáo Word dựng sẵn),
{{TT_BUOI}}, {{TT_BUOI.so_sanh}}, {{giai_doan}}, {{bang_tong_hop}}… được điền số liệu mới nhất.
Tệp Word của đơn vị không đọc được (không phải .docx, có mật khẩu, hỏng, có macro) hoặc có chỗ
điền không đúng thì lệnh dừng với mã 1, không ghi tệp nào.
--format xlsx,pdf,docx,json chọn các tệp cần ghi. Chỉ một định dạng json hoặc text thì in ra
màn hình (hoặc ghi vào tệp -o TỆP). Thông tin cơ quan, người ký, nơi nhận, "Kính gửi"
(addressee), ngày báo cáo (date: dd/mm/yyyy, hom-nay hoặc trong) lấy từ "tongket config",
ghi đè được bằng cờ cùng tên; thiếu thì in dấu chấm "……" để điền tay.` + exitStatusHelp,
		Example: `  tongket summarize --period 2013-2023
  tongket summarize --years 5 --to 2024 -o bao-cao/ --doc-number "125/BC-CAQ" --date 15/01/2025
  tongket summarize --period 2013-2023 --format json -o tong-ket.json
  tongket summarize --period 2019-2024 --format text`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.deps = get()
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runSummarize(cmd.Context(), o)
		},
	}
	o.periodFlags.add(cmd)
	f := cmd.Flags()
	formatsFlag(cmd, &o.formats, "định dạng: xlsx,pdf,docx,json (tệp) hoặc text (màn hình)", []string{"xlsx", "pdf", "docx"}, publish.Formats)
	f.StringVarP(&o.output, "output", "o", "", "thư mục ghi các tệp (mặc định thư mục hiện tại); với json/text: tệp")
	f.StringVar(&o.template, "template", "", "mẫu lời văn báo cáo (text/template) thay cho mẫu có sẵn")
	f.StringVar(&o.docxTemplate, "docx-template", "", "mẫu Word riêng của đơn vị (.docx) có chỗ điền {{…}}, ghi thành báo cáo Word thay cho báo cáo dựng sẵn")
	f.StringVar(&o.chart, "chart", "", "mã chỉ tiêu vẽ biểu đồ theo năm trong báo cáo (mặc định TT_BUOI)")
	settingFlags(cmd, o.settings)
	return cmd
}

// checkFormats refuses the formats that do not go together.
func (o *summarizeOptions) checkFormats() error {
	screen := publish.Screen(o.formats)
	if o.docxTemplate != "" && !slices.Contains(o.formats, "docx") {
		return fail(nil, "--docx-template chỉ dùng khi ghi báo cáo Word: thêm docx vào --format.", "--docx-template goes with the Word report: add docx to --format.")
	}
	if !screen && slices.Contains(o.formats, "text") {
		return fail(nil, "text chỉ in ra màn hình, không đi cùng định dạng khác.", "text goes to the screen only, not with other formats.")
	}
	return nil
}

func runSummarize(ctx context.Context, o *summarizeOptions) error {
	p, err := o.periodFlags.get()
	if err != nil {
		return err
	}
	if err := o.checkFormats(); err != nil {
		return err
	}
	db, err := o.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	bar, clear := o.progress(lang.Text{VI: "Đang ghi báo cáo", EN: "Writing the report"})
	opt := publish.Options{Period: p, Formats: o.formats, Out: o.out, Settings: o.settings, Narrative: o.template,
		DocxTemplate: o.docxTemplate, Chart: o.chart, Lang: o.lang, Now: o.now, Progress: bar}
	if publish.Screen(o.formats) {
		opt.Output = o.output
	} else {
		opt.Dir = o.output
	}
	res, err := publish.Summary(ctx, db, opt)
	clear()
	return o.tell(res, err)
}

// tell prints what summarize did: the files written on standard output,
// the rest on standard error; a Word file of the officer's that was
// refused makes the exit status 1.
func (o *summarizeOptions) tell(res *publish.Result, err error) error {
	if res != nil && res.NoUnitCode {
		o.sayf("Lưu ý: chưa đặt mã đơn vị tổng hợp, nên trang \"Tổng hợp\" chưa dùng làm biểu số liệu gửi cấp trên được. Hãy chạy: tongket config set unit-code MÃ (và unit-name).",
			"Note: no compiling unit is set, so the \"Tổng hợp\" sheet cannot yet be sent up as a submission. Run: tongket config set unit-code CODE (and unit-name).")
	}
	if o.refusedWord(err) {
		return errRefused
	}
	if res == nil {
		return err
	}
	if res.Screen {
		o.listWarnings(res.Warnings)
		if err != nil {
			return err
		}
		for _, f := range res.Files {
			o.sayf("Đã ghi %s", "Wrote %s", f)
		}
		o.listBlanks(res.Blanks)
		return nil
	}
	for _, f := range res.Files {
		fmt.Fprintln(o.out, f)
	}
	if err != nil {
		return err
	}
	if res.Sections != "" {
		o.sayf("Đã tạo %s: viết các mục của đơn vị vào tệp này bằng Word rồi chạy lại lệnh; tệp không bao giờ bị ghi đè.",
			"Created %s: write your sections into it in Word and run again; it is never overwritten.", res.Sections)
	}
	o.listWarnings(res.Warnings)
	o.listBlanks(res.Blanks)
	return nil
}

// refusedWord tells, on standard error, why a Word file of the officer's
// (the sections file, the template) was refused, and reports whether one
// was.
func (d deps) refusedWord(err error) bool {
	var ie *report.InputError
	if !errors.As(err, &ie) {
		return false
	}
	fmt.Fprintf(d.errOut, "tongket: %s\n", ie.Text.In(d.lang))
	return true
}

// listWarnings tells what reading the sections file found.
func (d deps) listWarnings(ws []lang.Text) {
	for _, w := range ws {
		d.sayf("Lưu ý: %s", "Note: %s", w)
	}
}

// listBlanks names the report's sections the office writes itself that
// are still blank (FORMATS.md §8).
func (d deps) listBlanks(blanks []string) {
	if len(blanks) == 0 {
		return
	}
	d.sayf("Các mục đơn vị tự viết còn để trống trong báo cáo (in \"[Đơn vị bổ sung: …]\"):",
		"Sections the office writes itself, still blank in the report (printed \"[Đơn vị bổ sung: …]\"):")
	for _, b := range blanks {
		d.sayf("  - %s", "  - %s", b)
	}
}
