// Command release builds what officers download: for each target a zip
// with tongket (tongket.exe on Windows), a short Vietnamese guide and the
// sample files, plus SHA256SUMS. It publishes nothing; CI runs it to prove
// the release builds.
//
//	go run ./scripts/release -version v0.3.0 -out dist
//
// Binaries are built with CGO_ENABLED=0 -trimpath and the version stamped
// into main.version, so `tongket --version` says which release it is.
package main

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
)

// targets are the systems officers use: Windows PCs (64-bit, and 32-bit
// for the old ones some offices keep) and Linux.
var targets = []struct{ goos, goarch string }{
	{"windows", "amd64"},
	{"windows", "386"},
	{"linux", "amd64"},
}

func main() {
	version := flag.String("version", "", "the version to stamp (default: git describe)")
	out := flag.String("out", "dist", "folder the zips and SHA256SUMS are written to")
	check := flag.Bool("check", false, "open every zip again: it must hold the program, the guide and the samples, and the one for this system must print the version")
	flag.Parse()
	v, err := resolveVersion(*version)
	if err == nil {
		err = writeRelease(v, *out)
	}
	if err == nil && *check {
		err = checkZips(v, *out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

func resolveVersion(version string) (string, error) {
	if version != "" {
		return version, nil
	}
	v, err := exec.Command("git", "describe", "--tags", "--always", "--dirty").Output()
	if err != nil {
		return "", fmt.Errorf("no -version and no git describe: %w", err)
	}
	return strings.TrimSpace(string(v)), nil
}

// writeRelease builds every target and writes its zip and SHA256SUMS.
func writeRelease(version, out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	guide, err := os.ReadFile(filepath.Join("scripts", "release", "HUONG-DAN.txt"))
	if err != nil {
		return fmt.Errorf("the guide: %w", err)
	}
	samples, err := sampleFiles()
	if err != nil {
		return err
	}
	var sums []string
	for _, t := range targets {
		name := fmt.Sprintf("tongket-%s-%s-%s.zip", version, t.goos, t.goarch)
		bin, err := build(version, t.goos, t.goarch)
		if err != nil {
			return err
		}
		exe := "tongket"
		if t.goos == "windows" {
			exe = "tongket.exe"
		}
		// Windows users open text files in Notepad: CRLF line ends.
		g := string(guide)
		if t.goos == "windows" {
			g = strings.ReplaceAll(strings.ReplaceAll(g, "\r\n", "\n"), "\n", "\r\n")
		}
		path := filepath.Join(out, name)
		if err := writeZip(path, version, map[string][]byte{exe: bin, "HUONG-DAN.txt": []byte(g)}, samples); err != nil {
			return err
		}
		sum, err := fileSHA256(path)
		if err != nil {
			return err
		}
		sums = append(sums, sum+"  "+name)
		fmt.Println(path)
	}
	return os.WriteFile(filepath.Join(out, "SHA256SUMS"), []byte(strings.Join(sums, "\n")+"\n"), 0o644)
}

// build cross-compiles tongket and returns the binary.
func build(version, goos, goarch string) ([]byte, error) {
	dir, err := os.MkdirTemp("", "tongket-release")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "tongket")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags", "-s -w -X main.version="+version, "-o", bin, "./cmd/tongket")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+goos, "GOARCH="+goarch)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go build %s/%s: %v\n%s", goos, goarch, err, msg)
	}
	return os.ReadFile(bin)
}

// sampleFiles are the demo's submissions and rosters, under "mau/" in the
// zip: an officer's first try of validate and ingest.
func sampleFiles() (map[string][]byte, error) {
	files := map[string][]byte{}
	for _, dir := range []string{"demo/inbox", "demo/rosters"} {
		paths, err := filepath.Glob(filepath.Join(dir, "*.xlsx"))
		if err != nil {
			return nil, err
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				return nil, err
			}
			files["mau/"+filepath.Base(dir)+"/"+filepath.Base(p)] = b
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no sample files under demo/ (run from the repository's root)")
	}
	return files, nil
}

// writeZip writes the files of a release into one folder of the zip, so
// unzipping gives tongket-VERSION/ rather than loose files.
func writeZip(path, version string, top, samples map[string][]byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	all := map[string][]byte{}
	for k, v := range top {
		all[k] = v
	}
	for k, v := range samples {
		all[k] = v
	}
	names := make([]string, 0, len(all))
	for k := range all {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, n := range names {
		h := &zip.FileHeader{Name: "tongket-" + version + "/" + n, Method: zip.Deflate, Modified: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
		h.SetMode(0o644)
		if n == "tongket" || n == "tongket.exe" {
			h.SetMode(0o755)
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			f.Close()
			return err
		}
		if _, err := w.Write(all[n]); err != nil {
			f.Close()
			return err
		}
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// checkZips opens each zip as an officer would unzip it: the program, the
// guide and the samples are there, and the program built for this system
// runs and prints the stamped version.
func checkZips(version, out string) error {
	for _, t := range targets {
		name := filepath.Join(out, fmt.Sprintf("tongket-%s-%s-%s.zip", version, t.goos, t.goarch))
		zr, err := zip.OpenReader(name)
		if err != nil {
			return err
		}
		exe := "tongket"
		if t.goos == "windows" {
			exe = "tongket.exe"
		}
		prefix := "tongket-" + version + "/"
		have := map[string]*zip.File{}
		samples := 0
		for _, f := range zr.File {
			have[strings.TrimPrefix(f.Name, prefix)] = f
			if strings.HasPrefix(f.Name, prefix+"mau/") {
				samples++
			}
		}
		if have[exe] == nil || have["HUONG-DAN.txt"] == nil || samples == 0 {
			zr.Close()
			return fmt.Errorf("%s: want %s, HUONG-DAN.txt and mau/ samples, have %d files", name, exe, len(zr.File))
		}
		if t.goos == runtime.GOOS && t.goarch == runtime.GOARCH {
			if err := checkVersion(have[exe], version); err != nil {
				zr.Close()
				return fmt.Errorf("%s: %w", name, err)
			}
		}
		zr.Close()
		fmt.Printf("%s: %s, guide, %d samples\n", name, exe, samples)
	}
	return nil
}

// checkVersion runs the unzipped program with --version.
func checkVersion(f *zip.File, version string) error {
	dir, err := os.MkdirTemp("", "tongket-check")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	bin := filepath.Join(dir, filepath.Base(f.Name))
	w, err := os.OpenFile(bin, os.O_CREATE|os.O_WRONLY, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, rc); err != nil {
		w.Close()
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	got, err := exec.Command(bin, "--version").CombinedOutput()
	if err != nil {
		return fmt.Errorf("--version: %v\n%s", err, got)
	}
	if !strings.Contains(string(got), version) {
		return fmt.Errorf("--version printed %q, want %s", strings.TrimSpace(string(got)), version)
	}
	return nil
}
