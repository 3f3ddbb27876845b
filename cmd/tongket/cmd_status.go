package main

import (
	"github.com/spf13/cobra"

	"github.com/tongket/tongket/report"
)

func (a *app) statusCmd() *cobra.Command {
	o := &periodFlags{}
	cmd := &cobra.Command{
		Use:   "status --period TỪ-ĐẾN",
		Short: "Tình hình báo cáo: đơn vị nào đã gửi năm nào / who has reported which year",
		Long: `In bảng đơn vị × năm: ✓ đã có số liệu, · chưa báo cáo, – năm ngoài thời gian hoạt động
của đơn vị (chưa thành lập, đã sáp nhập, chia tách hoặc giải thể theo danh sách đơn vị: không
tính là thiếu); tỷ lệ báo cáo từng năm và cả giai đoạn. Một năm tính là đã báo cáo khi đơn vị
có ít nhất một số liệu của năm đó (ô ghi "-" là số 0, vẫn tính là đã báo cáo).` + exitStatusHelp,
		Example: `  tongket status --period 2013-2023
  tongket status --years 5 --to 2024`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			p, err := o.get()
			if err != nil {
				return err
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
			return report.WriteStatus(a.out, s)
		},
	}
	o.add(cmd)
	return cmd
}
