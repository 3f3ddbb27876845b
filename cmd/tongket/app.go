package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/intake"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/progress"
	"github.com/tongket/tongket/publish"
	"github.com/tongket/tongket/store"
)

// version is stamped at build time: go build -ldflags "-X main.version=v1.2.3".
var version = ""

// Exit codes (FORMATS.md §7), decided only in Main.
const (
	exitOK      = 0
	exitRefused = 1 // the input was refused: a finding of severity error, a rejected file
	exitFailed  = 2 // misuse or failure to run
)

// errRefused marks a run that worked but refused some input.
var errRefused = errors.New("input refused")

// userError is a failure explained to the officer in both languages.
type userError struct {
	text lang.Text
	err  error
}

func (e *userError) Error() string { return e.text.EN }
func (e *userError) Unwrap() error { return e.err }

func fail(err error, vi, en string, args ...any) error {
	return &userError{text: lang.F(vi, en, args...), err: err}
}

// app holds the global flags and the streams every command writes to.
type app struct {
	out, errOut io.Writer
	dbPath      string
	langFlag    string
	lang        lang.Lang
	quiet       bool
	now         func() time.Time
	errTerminal bool // stderr is a terminal: progress bars may be drawn
}

const exitStatusHelp = `

EXIT STATUS (MÃ THOÁT)
  0  thành công (có thể có cảnh báo) / success, warnings allowed
  1  dữ liệu bị từ chối: có lỗi, có tệp bị từ chối / input refused
  2  dùng sai lệnh hoặc không chạy được / misuse or failure to run`

// Main runs tongket with args and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	a := &app{out: stdout, errOut: stderr, now: time.Now, lang: langFromArgs(args)}
	if f, ok := stderr.(*os.File); ok {
		a.errTerminal = progress.IsTerminal(f)
	}
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	// Ctrl-C (or a kill) cancels the command's context: an ingest rolls back
	// the batch it was writing and says what it had stored.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := root.ExecuteContext(ctx)
	return a.exitCode(err)
}

// langFromArgs finds --lang among the arguments before cobra parses them,
// so that even a refusal of the flags themselves speaks the language asked
// for; PersistentPreRunE checks the value properly.
func langFromArgs(args []string) lang.Lang {
	for i, arg := range args {
		v, ok := strings.CutPrefix(arg, "--lang=")
		if !ok && arg == "--lang" && i+1 < len(args) {
			v, ok = args[i+1], true
		}
		if ok {
			if l, err := lang.Parse(v); err == nil {
				return l
			}
		}
		if arg == "--" {
			break
		}
	}
	return lang.VI
}

func (a *app) exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, errRefused) {
		return exitRefused
	}
	if errors.Is(err, context.Canceled) {
		l := a.lang
		if l == "" {
			l = lang.VI
		}
		fmt.Fprintf(a.errOut, "tongket: %s\n", lang.F(
			"đã dừng theo yêu cầu (Ctrl-C); phần đang làm dở không được lưu.",
			"stopped on request (Ctrl-C); the work in progress was not stored.").In(l))
		return exitFailed
	}
	a.printError(err)
	return exitFailed
}

// printError explains a failure in the chosen language, with the hint the
// store gives for database problems.
func (a *app) printError(err error) {
	l := a.lang
	if l == "" {
		l = lang.VI
	}
	var ue *userError
	var se *store.Error
	var mp *intake.MissingPathError
	var pe *publish.Error
	switch {
	case errors.As(err, &ue):
		fmt.Fprintf(a.errOut, "tongket: %s\n", ue.text.In(l))
		if ue.err != nil {
			fmt.Fprintf(a.errOut, "  (%v)\n", ue.err)
		}
	case errors.As(err, &se):
		fmt.Fprintf(a.errOut, "tongket: %s\n  (%v)\n", storeText(se).In(l), se)
	case errors.As(err, &pe):
		fmt.Fprintf(a.errOut, "tongket: %s\n", publishText(pe).In(l))
		if pe.Err != nil {
			fmt.Fprintf(a.errOut, "  (%v)\n", pe.Err)
		}
	case errors.As(err, &mp):
		fmt.Fprintf(a.errOut, "tongket: %s\n", lang.F("không tìm thấy tệp hoặc thư mục %q.", "no such file or folder %q.", mp.Path).In(l))
	case strings.HasPrefix(err.Error(), "unknown command "):
		// cobra's, for a command tongket does not have ("tongket bogus")
		fmt.Fprintf(a.errOut, "tongket: %s\n  (%v)\n", lang.F("không có lệnh này. Xem các lệnh của tongket: tongket --help.",
			"there is no such command. See tongket's commands: tongket --help.").In(l), err)
	default:
		// An error nobody foresaw still gets a sentence the officer can act
		// on; the technical detail follows for whoever they ask.
		fmt.Fprintf(a.errOut, "tongket: %s\n  (%v)\n", lang.F(
			"không chạy được lệnh. Hãy kiểm tra tệp, thư mục và quyền truy cập rồi chạy lại; nếu lỗi lặp lại, gửi dòng chi tiết dưới đây cho người quản trị.",
			"the command could not run. Check the files, folders and permissions and run it again; if it keeps failing, send the detail below to your administrator.").In(l), err)
	}
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "tongket",
		Short: "Tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc từ các biểu số liệu Excel",
		Long: `tongket kiểm tra các biểu số liệu Excel do đơn vị gửi lên, lưu vào một tệp cơ sở
dữ liệu trên máy, và lập số liệu tổng kết giai đoạn (10 năm, 5 năm).

tongket checks the Excel submissions units send, stores them in a local
database, and compiles the period summary.` + exitStatusHelp,
		Example: `  tongket validate inbox/
  tongket ingest inbox/
  tongket summarize --period 2013-2023 --format json -o tong-ket.json
  tongket demo`,
		Version:       buildVersion(),
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			l, err := lang.Parse(a.langFlag)
			if err != nil {
				return fail(err, "--lang chỉ nhận vi hoặc en.", "--lang takes vi or en.")
			}
			a.lang = l
			return nil
		},
	}
	defaultDB := os.Getenv("TONGKET_DB")
	if defaultDB == "" {
		defaultDB = "tongket.db"
	}
	pf := root.PersistentFlags()
	pf.StringVar(&a.dbPath, "db", defaultDB, "tệp cơ sở dữ liệu / database file ($TONGKET_DB)")
	pf.StringVar(&a.langFlag, "lang", "vi", "ngôn ngữ thông báo: vi|en / message language")
	pf.BoolVarP(&a.quiet, "quiet", "q", false, "bớt thông báo / fewer messages")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return fail(err, "tham số không hợp lệ: %v. Xem --help.", "invalid flag: %v. See --help.", err)
	})
	root.AddCommand(a.initCmd(), a.validateCmd(), a.ingestCmd(), a.summarizeCmd(), a.statusCmd(),
		a.backupCmd(), a.restoreCmd(),
		a.historyCmd(), a.revertCmd(), a.configCmd(), a.catalogCmd(), a.unitsCmd(), a.awardsCmd(), a.demoCmd(), a.templateCmd())
	argsInWords(root)
	return root
}

// argsInWords makes the refusal of a command given too many or too few
// arguments say so, and where its use is told: cobra's own check says it
// in English, and fell through to "check the files and permissions".
func argsInWords(c *cobra.Command) {
	if check := c.Args; check != nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := check(cmd, args); err != nil {
				return fail(err, "lệnh \"%s\" không nhận số tham số này (%d). Xem cách dùng: %s --help.",
					"\"%s\" does not take these arguments (%d). See how to use it: %s --help.", cmd.CommandPath(), len(args), cmd.CommandPath())
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		argsInWords(sub)
	}
}

func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// openView opens the database for a command that stores nothing (validate,
// a dry run): an in-memory copy, so the file is never created or changed.
func (a *app) openView(ctx context.Context) (*store.DB, error) {
	return store.OpenView(ctx, a.dbPath, store.Options{Now: a.now})
}

// openDB opens the database, creating and migrating it as needed (every
// command runs "init" implicitly).
func (a *app) openDB(ctx context.Context) (*store.DB, error) {
	return store.Open(ctx, a.dbPath, store.Options{Now: a.now})
}
