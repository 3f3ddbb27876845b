package main

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

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
	periodFlags
	format string
	output string
}

func (a *app) summarizeCmd() *cobra.Command {
	o := &summarizeOptions{}
	cmd := &cobra.Command{
		Use:   "summarize --period TỪ-ĐẾN",
		Short: "Lập số liệu tổng kết giai đoạn / compile the period summary",
		Long: `Cộng dồn số liệu đang có hiệu lực theo giai đoạn: chỉ tiêu "cộng dồn" cộng các năm,
chỉ tiêu "thời điểm" (như số mô hình đang hoạt động) lấy số của năm cuối; so sánh với
giai đoạn trước cùng độ dài; và tình hình báo cáo của các đơn vị.
--format json in ra JSON (FORMATS.md §5); text in bảng tóm tắt. Bảng Excel và báo cáo
PDF (xlsx, pdf) sẽ có ở phiên bản sau.` + exitStatusHelp,
		Example: `  tongket summarize --period 2013-2023 --format json -o tong-ket-2013-2023.json
  tongket summarize --years 5 --to 2024 --format text`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			p, err := o.get()
			if err != nil {
				return err
			}
			for _, f := range strings.Split(o.format, ",") {
				switch f {
				case "json", "text":
				case "xlsx", "pdf":
					return fail(nil, "định dạng %s chưa có trong phiên bản này; hiện chỉ có json và text.",
						"the %s format is not available in this version yet; use json or text.", f)
				default:
					return fail(nil, "định dạng %q không hỗ trợ; chọn json hoặc text.", "format %q is not supported; use json or text.", f)
				}
			}
			if strings.Contains(o.format, ",") {
				return fail(nil, "hiện chỉ chọn được một định dạng mỗi lần chạy.", "only one format per run for now.")
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
			write := func(w io.Writer) error { return report.WriteJSON(w, s) }
			if o.format == "text" {
				write = func(w io.Writer) error { return report.WriteText(w, s) }
			}
			if o.output == "" || o.output == "-" {
				return write(a.out)
			}
			if err := report.WriteFile(o.output, write); err != nil {
				return fail(err, "không ghi được tệp %s: hãy kiểm tra thư mục có tồn tại và có quyền ghi.",
					"cannot write %s: check the folder exists and is writable.", o.output)
			}
			a.info("Đã ghi %s\n", o.output)
			return nil
		},
	}
	o.periodFlags.add(cmd)
	cmd.Flags().StringVar(&o.format, "format", "json", "định dạng: json|text (xlsx, pdf: phiên bản sau)")
	cmd.Flags().StringVarP(&o.output, "output", "o", "", "ghi ra tệp thay vì màn hình")
	return cmd
}
