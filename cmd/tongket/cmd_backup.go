package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/store"
	"github.com/tongket/tongket/vn"
)

type backupOptions struct {
	output string
	force  bool
}

func (a *app) backupCmd() *cobra.Command {
	o := &backupOptions{}
	cmd := &cobra.Command{
		Use:   "backup -o TỆP",
		Short: "Sao lưu cơ sở dữ liệu ra một tệp / back up the database",
		Long: `Chép toàn bộ cơ sở dữ liệu ra một tệp, an toàn cả khi lệnh tongket khác đang chạy: bản
sao là trạng thái trọn vẹn tại một thời điểm, chỉ chứa những lần nộp đã lưu xong. Bản sao
được ghi vào tệp tạm bên cạnh, kiểm tra, rồi mới đổi thành tên -o; tệp đã có thì không ghi
đè, trừ khi thêm --force. -o là thư mục (hoặc bỏ trống) thì tệp được đặt tên theo ngày giờ:
tongket-sao-luu-20240115-090000.db. In ra đường dẫn và dung lượng tệp.
Khôi phục bằng "tongket restore TỆP". Nên chép bản sao sang ổ đĩa khác hoặc USB.

Copies the whole database to a file, safely while other commands run; refuses to
overwrite an existing file unless --force; prints the path and size.` + exitStatusHelp,
		Example: `  tongket backup -o D:\sao-luu\tongket-2024-01-15.db
  tongket backup -o sao-luu/
  tongket backup -o sao-luu.db --force`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return a.backup(cmd, o) },
	}
	cmd.Flags().StringVarP(&o.output, "output", "o", "", "tệp sao lưu, hoặc thư mục (mặc định thư mục hiện tại)")
	cmd.Flags().BoolVar(&o.force, "force", false, "ghi đè tệp sao lưu đã có")
	return cmd
}

func (a *app) backup(cmd *cobra.Command, o *backupOptions) error {
	if st, err := os.Stat(a.dbPath); err != nil || st.IsDir() {
		return fail(err, "không có cơ sở dữ liệu %s để sao lưu: hãy chỉ đúng tệp bằng --db (hoặc biến TONGKET_DB).",
			"there is no database %s to back up: name it with --db (or TONGKET_DB).", a.dbPath)
	}
	out := o.output
	if out == "" {
		out = "."
	}
	if isDir(out) || strings.HasSuffix(out, "/") || strings.HasSuffix(out, string(filepath.Separator)) {
		if err := os.MkdirAll(out, 0o755); err != nil {
			return fail(err, "không tạo được thư mục %s.", "cannot create the folder %s.", out)
		}
		out = filepath.Join(out, "tongket-sao-luu-"+a.now().Format("20060102-150405")+".db")
	}
	db, err := a.openDB(cmd.Context())
	if err != nil {
		return err
	}
	defer db.Close()
	info, err := db.Backup(cmd.Context(), out, o.force)
	switch {
	case errors.Is(err, store.ErrExists):
		return fail(err, "tệp %s đã có: hãy chọn tên khác, hoặc thêm --force để ghi đè.",
			"%s already exists: choose another name, or add --force to overwrite it.", out)
	case errors.Is(err, store.ErrSameFile):
		return fail(err, "tệp sao lưu %s phải khác tệp cơ sở dữ liệu đang dùng.",
			"the backup %s must not be the database itself.", out)
	case err != nil:
		return err
	}
	fmt.Fprintf(a.out, "%s (%s)\n", info.Path, sizeText(info.Size))
	a.info("Đã sao lưu %d lần nộp, %d danh sách khen thưởng. Khôi phục bằng: tongket restore %s\n",
		info.Submissions, info.Rosters, info.Path)
	return nil
}

type restoreOptions struct {
	dryRun bool
}

func (a *app) restoreCmd() *cobra.Command {
	o := &restoreOptions{}
	cmd := &cobra.Command{
		Use:   "restore TỆP",
		Short: "Khôi phục cơ sở dữ liệu từ bản sao lưu / restore the database from a backup",
		Long: `Kiểm tra tệp trước: phải là tệp SQLite nguyên vẹn (PRAGMA integrity_check), là cơ sở dữ
liệu của tongket, do phiên bản này hoặc cũ hơn tạo ra, và không còn tệp -wal bên cạnh. Tệp
không đạt thì từ chối, không thay đổi gì.

Đạt thì thay toàn bộ nội dung cơ sở dữ liệu (--db) bằng nội dung tệp trong một giao dịch:
lệnh tongket khác đang chạy sẽ chờ, mất điện giữa chừng thì cơ sở dữ liệu vẫn như cũ. Cơ sở
dữ liệu cũ được giữ lại thành tệp <db>.truoc-khi-khoi-phuc-<ngày-giờ> (xóa đi khi không cần).
Bản sao lưu của phiên bản cũ hơn được nâng cấp ngay sau khi khôi phục.
--dry-run chỉ kiểm tra tệp.

Checks the file (SQLite, integrity, a tongket database not newer than this tongket),
then replaces the database's contents in one transaction, keeping the old database as
<db>.truoc-khi-khoi-phuc-<time>. A file that fails a check changes nothing.` + exitStatusHelp,
		Example: `  tongket restore D:\sao-luu\tongket-2024-01-15.db
  tongket restore --dry-run sao-luu.db
  tongket --db cong-an-quan.db restore sao-luu.db`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return a.restore(cmd, o, args[0]) },
	}
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "chỉ kiểm tra tệp, không khôi phục")
	return cmd
}

func (a *app) restore(cmd *cobra.Command, o *restoreOptions, file string) error {
	ctx := cmd.Context()
	if o.dryRun {
		info, err := store.CheckFile(ctx, file)
		if err != nil {
			return err
		}
		fmt.Fprintf(a.out, "%s: hợp lệ, %d lần nộp, %d danh sách khen thưởng (lược đồ %d, %s).\n",
			file, info.Submissions, info.Rosters, info.SchemaVersion, sizeText(info.Size))
		return nil
	}
	res, err := store.Restore(ctx, a.dbPath, file, store.RestoreOptions{Now: a.now})
	if errors.Is(err, store.ErrSameFile) {
		return fail(err, "tệp %s chính là cơ sở dữ liệu đang dùng (--db): hãy chỉ tệp sao lưu.",
			"%s is the database itself (--db): name a backup file.", file)
	}
	if err != nil {
		return err
	}
	// Opening upgrades a backup of an older schema.
	db, err := a.openDB(ctx)
	if err != nil {
		return err
	}
	db.Close()
	a.info("Đã khôi phục %s từ %s: %d lần nộp, %d danh sách khen thưởng.\n",
		a.dbPath, file, res.Restored.Submissions, res.Restored.Rosters)
	if res.Kept != "" {
		a.info("Cơ sở dữ liệu cũ được giữ tại %s.\n", res.Kept)
	}
	return nil
}

// sizeText writes a file size as officers read it: 812 byte, 245 KB, 1,2 MB.
func sizeText(n int64) string {
	const k = 1024
	switch {
	case n < k:
		return fmt.Sprintf("%d byte", n)
	case n < k*k:
		return vn.FormatInt((n+k/2)/k) + " KB"
	case n < k*k*k:
		return vn.FormatHundredths(n*100/(k*k), 1) + " MB"
	}
	return vn.FormatHundredths(n/(k*k)*100/k, 1) + " GB"
}
