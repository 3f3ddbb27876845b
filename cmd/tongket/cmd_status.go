package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/report"
)

type statusOptions struct {
	deps
	periodFlags
}

func (a *app) statusCmd() *cobra.Command { return newStatusCmd(a.deps, nil) }

// newStatusCmd makes "status"; runF, if set, runs instead of runStatus
// (tests of the flags).
func newStatusCmd(get func() deps, runF func(context.Context, *statusOptions) error) *cobra.Command {
	o := &statusOptions{}
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
			o.deps = get()
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runStatus(cmd.Context(), o)
		},
	}
	o.periodFlags.add(cmd)
	return cmd
}

func runStatus(ctx context.Context, o *statusOptions) error {
	p, err := o.periodFlags.get()
	if err != nil {
		return err
	}
	db, err := o.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	s, err := db.Summarize(ctx, p)
	if err != nil {
		return err
	}
	return report.WriteStatus(o.out, s, o.lang)
}
