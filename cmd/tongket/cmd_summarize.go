package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/atomicfile"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/report"
	"github.com/tongket/tongket/roster"
	"github.com/tongket/tongket/store"
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
	periodFlags
	format       string
	output       string
	template     string
	docxTemplate string
	chart        string
	overrides    map[string]*string // document settings given as flags
}

func (a *app) summarizeCmd() *cobra.Command {
	o := &summarizeOptions{overrides: map[string]*string{}}
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
		RunE: func(cmd *cobra.Command, _ []string) error { return a.summarize(cmd, o) },
	}
	o.periodFlags.add(cmd)
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "xlsx,pdf,docx", "định dạng: xlsx,pdf,docx,json (tệp) hoặc text (màn hình)")
	f.StringVarP(&o.output, "output", "o", "", "thư mục ghi các tệp (mặc định thư mục hiện tại); với json/text: tệp")
	f.StringVar(&o.template, "template", "", "mẫu lời văn báo cáo (text/template) thay cho mẫu có sẵn")
	f.StringVar(&o.docxTemplate, "docx-template", "", "mẫu Word riêng của đơn vị (.docx) có chỗ điền {{…}}, ghi thành báo cáo Word thay cho báo cáo dựng sẵn")
	f.StringVar(&o.chart, "chart", "", "mã chỉ tiêu vẽ biểu đồ theo năm trong báo cáo (mặc định TT_BUOI)")
	for _, s := range report.Settings {
		o.overrides[s.Key] = f.String(s.Key, "", s.Help)
	}
	return cmd
}

func (a *app) summarize(cmd *cobra.Command, o *summarizeOptions) error {
	p, err := o.get()
	if err != nil {
		return err
	}
	formats := strings.Split(o.format, ",")
	for _, f := range formats {
		if !slices.Contains(report.FileFormats, f) && f != "text" {
			return fail(nil, "định dạng %q không hỗ trợ; chọn trong xlsx, pdf, docx, json, text.", "format %q is not supported; use xlsx, pdf, docx, json or text.", f)
		}
	}
	toScreen := len(formats) == 1 && (formats[0] == "json" || formats[0] == "text")
	if o.docxTemplate != "" && !slices.Contains(formats, "docx") {
		return fail(nil, "--docx-template chỉ dùng khi ghi báo cáo Word: thêm docx vào --format.", "--docx-template goes with the Word report: add docx to --format.")
	}
	if !toScreen && slices.Contains(formats, "text") {
		return fail(nil, "text chỉ in ra màn hình, không đi cùng định dạng khác.", "text goes to the screen only, not with other formats.")
	}
	for k, v := range o.overrides {
		if set, _ := report.SettingByKey(k); *v != "" && set.Check(*v) != nil {
			return fail(set.Check(*v), "giá trị --%s %q không hợp lệ: %s.", "--%s %q is not valid: %s.", k, *v, set.Help)
		}
	}
	db, err := a.openDB(cmd.Context())
	if err != nil {
		return err
	}
	defer db.Close()
	s, err := db.Summarize(cmd.Context(), p)
	if err != nil {
		return err
	}
	if o.chart != "" && !slices.ContainsFunc(s.Indicators, func(i summary.Indicator) bool { return i.Code == o.chart }) {
		return fail(nil, "không có chỉ tiêu mã %q để vẽ biểu đồ; xem mã trong báo cáo JSON hoặc biểu số liệu.",
			"there is no indicator %q to chart.", o.chart)
	}
	if toScreen && formats[0] == "json" {
		return a.summaryToScreen("json", o.output, s, report.Document{}, report.Options{})
	}
	stored, err := db.Settings(cmd.Context())
	if err != nil {
		return err
	}
	over := map[string]string{}
	for k, v := range o.overrides {
		over[k] = *v
	}
	doc := report.NewDocument(stored, over, a.now())
	narrative, err := report.LoadNarrative(o.template)
	if err != nil {
		return fail(err, "không đọc được mẫu lời văn %s.", "cannot load the narrative template %s.", o.template)
	}
	opt := report.Options{Narrative: narrative, Chart: o.chart, Template: o.docxTemplate}
	if opt.Roster, err = periodRoster(cmd, db, p); err != nil {
		return err
	}
	if toScreen {
		dir := "."
		if o.output != "" && o.output != "-" {
			dir = filepath.Dir(o.output)
		}
		opt.Sections, opt.Template = filepath.Join(dir, report.SectionsFileName(p)), ""
		return a.summaryToScreen(formats[0], o.output, s, doc, opt)
	}

	if doc.UnitCode == "" && slices.Contains(formats, "xlsx") {
		a.info("Lưu ý: chưa đặt mã đơn vị tổng hợp, nên trang \"Tổng hợp\" chưa dùng làm biểu số liệu gửi cấp trên được. Hãy chạy: tongket config set unit-code MÃ (và unit-name).\n")
	}
	dir := o.output
	if dir == "" {
		dir = "."
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fail(err, "không tạo được thư mục %s.", "cannot create the folder %s.", dir)
	}
	opt.Sections = filepath.Join(dir, report.SectionsFileName(p))
	written, err := report.WriteOutputs(dir, formats, s, doc, opt)
	if a.refusedWord(err) {
		return errRefused
	}
	for _, p := range written.Paths {
		fmt.Fprintln(a.out, p)
	}
	if err != nil {
		return fail(err, "không ghi được báo cáo vào %s: hãy kiểm tra thư mục có quyền ghi và ổ đĩa còn chỗ.",
			"cannot write the report into %s: check the folder is writable and the disk has room.", dir)
	}
	if written.Sections != "" {
		a.info("%s\n", lang.F("Đã tạo %s: viết các mục của đơn vị vào tệp này bằng Word rồi chạy lại lệnh; tệp không bao giờ bị ghi đè.",
			"Created %s: write your sections into it in Word and run again; it is never overwritten.", written.Sections).In(a.lang))
	}
	a.listWarnings(written.Warnings)
	a.listBlanks(written.Blanks)
	return nil
}

// periodRoster is the roster export of the period, for the report's
// {{khen_thuong}} and {{bang_khen_thuong}}.
func periodRoster(cmd *cobra.Command, db *store.DB, p summary.Period) (*roster.Export, error) {
	lists, err := db.AwardLists(cmd.Context())
	if err != nil {
		return nil, err
	}
	entries, err := db.Awards(cmd.Context(), p.From, p.To)
	if err != nil {
		return nil, err
	}
	e := roster.Build(entries, lists, p.From, p.To, "", "")
	return &e, nil
}

// refusedWord tells, on stderr, why a Word file of the officer's (the
// sections file, the template) was refused, and reports whether one was.
func (a *app) refusedWord(err error) bool {
	var ie *report.InputError
	if !errors.As(err, &ie) {
		return false
	}
	fmt.Fprintf(a.errOut, "tongket: %s\n", ie.Text.In(a.lang))
	return true
}

// listWarnings tells what reading the sections file found.
func (a *app) listWarnings(ws []lang.Text) {
	for _, w := range ws {
		a.info("%s %s\n", lang.F("Lưu ý:", "Note:").In(a.lang), w.In(a.lang))
	}
}

// summaryToScreen prints the summary as JSON or text (the totals and the
// report's outline) on stdout, or into the file output.
func (a *app) summaryToScreen(format, output string, s *summary.Summary, doc report.Document, opt report.Options) error {
	write := func(w io.Writer) error { return report.WriteJSON(w, s) }
	var blanks []string
	if format == "text" {
		p, err := report.Prepare(s, doc, opt, false)
		if a.refusedWord(err) {
			return errRefused
		}
		if err != nil {
			return fail(err, "không lập được báo cáo.", "cannot build the report.")
		}
		a.listWarnings(p.Warnings)
		blanks = p.Outline.Blanks()
		write = func(w io.Writer) error { return report.WriteText(w, s, p.Outline) }
	}
	if output == "" || output == "-" {
		if err := write(a.out); err != nil {
			return err
		}
		a.listBlanks(blanks)
		return nil
	}
	if err := atomicfile.Write(output, write); err != nil {
		return fail(err, "không ghi được tệp %s: hãy kiểm tra thư mục có tồn tại và có quyền ghi.",
			"cannot write %s: check the folder exists and is writable.", output)
	}
	a.info("Đã ghi %s\n", output)
	a.listBlanks(blanks)
	return nil
}

// listBlanks names on stderr the report's sections the office writes
// itself that are still blank (FORMATS.md §8).
func (a *app) listBlanks(blanks []string) {
	if len(blanks) == 0 {
		return
	}
	a.info("%s\n", lang.F("Các mục đơn vị tự viết còn để trống trong báo cáo (in \"[Đơn vị bổ sung: …]\"):",
		"Sections the office writes itself, still blank in the report (printed \"[Đơn vị bổ sung: …]\"):").In(a.lang))
	for _, b := range blanks {
		a.info("  - %s\n", b)
	}
}
