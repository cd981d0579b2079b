package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"text/tabwriter"
)

// WriteJSON writes one JSON object a line for each row.
func WriteJSON(w io.Writer, rows []Row) error {
	enc := json.NewEncoder(w)
	for _, r := range rows {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}

// WriteTable writes the rows as a table, then the ratios storybot / FTS5
// for each size.
func WriteTable(w io.Writer, rows []Row) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "engine\tpassages\tbuild/s\tdisk MB\tdisk/raw\tRSS MB\tRSS loaded\tfirst ms\task p50\task p99\tlong p99\tcommon p99\task p99 x2\tcommon p99 x2\tqps x2\tautocomplete p99\t")
	for _, r := range rows {
		ac := "-"
		if r.AutocompleteP99MS != nil {
			ac = fmt.Sprintf("%.2f", *r.AutocompleteP99MS)
		}
		fmt.Fprintf(tw, "%s\t%d\t%.0f\t%.1f\t%.2fx\t%.1f\t%.1f\t%.1f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.0f\t%s\t\n",
			r.Engine, r.Passages, r.BuildPerS, mb(r.DiskBytes), r.DiskRatio, mb(r.RSSBytes), mb(r.RSSLoadedBytes), r.FirstAnswerMS,
			r.AskP50MS, r.AskP99MS, r.LongP99MS, r.CommonP99MS, r.Ask2P99MS, r.Common2P99MS, r.Ask2QPS, ac)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	ratios := Ratios(rows)
	if len(ratios) == 0 {
		return nil
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "storybot / fts5 (below 1 is storybot better, except build/s where above 1 is)")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "passages\tbuild/s\tdisk\tRSS\tfirst\task p50\task p99\tlong p99\tcommon p99\task p99 x2\t")
	for _, x := range ratios {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", x.Passages, ratio(x.BuildPerS), ratio(x.Disk), ratio(x.RSS), ratio(x.First),
			ratio(x.AskP50), ratio(x.AskP99), ratio(x.LongP99), ratio(x.CommonP99), ratio(x.Ask2P99))
	}
	return tw.Flush()
}

// WriteSlowest lists each row's slowest questions (Config.Slowest), if it
// kept any.
func WriteSlowest(w io.Writer, rows []Row) error {
	for _, r := range rows {
		if len(r.Slowest) == 0 {
			continue
		}
		if _, err := fmt.Fprintf(w, "\nslowest questions, %s at %d passages:\n", r.Engine, r.Passages); err != nil {
			return err
		}
		for _, s := range r.Slowest {
			if _, err := fmt.Fprintf(w, "  %-12s %8.2f ms  %s\n", s.Kind, s.MS, s.Question); err != nil {
				return err
			}
		}
	}
	return nil
}

// Ratio is storybot's figure divided by FTS5's, for one size.
type Ratio struct {
	Passages                                                        int
	BuildPerS, Disk, RSS, First, AskP50, AskP99, LongP99, CommonP99 float64
	Ask2P99                                                         float64
}

// Ratios pairs storybot's and FTS5's rows of each size.
func Ratios(rows []Row) []Ratio {
	var out []Ratio
	for _, s := range rows {
		if s.Engine != Storybot {
			continue
		}
		for _, f := range rows {
			if f.Engine != FTS5 || f.Passages != s.Passages {
				continue
			}
			out = append(out, Ratio{
				Passages:  s.Passages,
				BuildPerS: div(s.BuildPerS, f.BuildPerS),
				Disk:      div(float64(s.DiskBytes), float64(f.DiskBytes)),
				RSS:       div(float64(s.RSSBytes), float64(f.RSSBytes)),
				First:     div(s.FirstAnswerMS, f.FirstAnswerMS),
				AskP50:    div(s.AskP50MS, f.AskP50MS),
				AskP99:    div(s.AskP99MS, f.AskP99MS),
				LongP99:   div(s.LongP99MS, f.LongP99MS),
				CommonP99: div(s.CommonP99MS, f.CommonP99MS),
				Ask2P99:   div(s.Ask2P99MS, f.Ask2P99MS),
			})
		}
	}
	return out
}

func div(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return a / b
}

// ratio prints a ratio, or "-" when the divisor was 0 (FTS5's RSS gain
// after open can be below a page).
func ratio(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "-"
	}
	return fmt.Sprintf("%.2f", x)
}

func mb(n int64) float64 { return float64(n) / (1 << 20) }

// colors of the engines in the chart.
var colors = map[string]string{Storybot: "#1f77b4", FTS5: "#d62728", Scan: "#7f7f7f"}

// WriteSVG draws two log-log charts side by side: p99 latency of 2-3 word
// questions (solid) and of common words (dashed) against corpus size, and
// build rate against corpus size, a line per engine.
func WriteSVG(w io.Writer, rows []Row) error {
	const (
		pw, ph       = 420.0, 300.0 // one panel
		ml, mr       = 70.0, 20.0
		mt, mbot     = 40.0, 50.0
		width        = 2*(ml+pw+mr) + 10
		height       = mt + ph + mbot + 30
		panel2Offset = ml + pw + mr + 10
	)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="sans-serif" font-size="12">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")

	var sizes []float64
	var engines []string
	for _, r := range rows {
		if !slices.Contains(sizes, float64(r.Passages)) {
			sizes = append(sizes, float64(r.Passages))
		}
		if !slices.Contains(engines, r.Engine) {
			engines = append(engines, r.Engine)
		}
	}
	slices.Sort(sizes)
	type series struct {
		engine string
		dashed bool
		get    func(Row) float64
	}
	panel := func(x0 float64, title, unit string, ss []series) {
		var ys []float64
		for _, r := range rows {
			for _, s := range ss {
				if s.engine == r.Engine && s.get(r) > 0 {
					ys = append(ys, s.get(r))
				}
			}
		}
		if len(ys) == 0 || len(sizes) == 0 {
			return
		}
		xlo, xhi := decadeBelow(sizes[0]), decadeAbove(sizes[len(sizes)-1])
		if xhi <= xlo {
			xhi = xlo * 10
		}
		ylo, yhi := decadeBelow(slices.Min(ys)), decadeAbove(slices.Max(ys))
		if yhi <= ylo {
			yhi = ylo * 10
		}
		px := func(v float64) float64 {
			return x0 + ml + pw*(math.Log10(v)-math.Log10(xlo))/(math.Log10(xhi)-math.Log10(xlo))
		}
		py := func(v float64) float64 {
			return mt + ph - ph*(math.Log10(v)-math.Log10(ylo))/(math.Log10(yhi)-math.Log10(ylo))
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" font-size="14">%s</text>`+"\n", x0+ml+pw/2, mt-15, title)
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="none" stroke="#333"/>`+"\n", x0+ml, mt, pw, ph)
		for v := xlo; v <= xhi*1.001; v *= 10 {
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#ddd"/>`+"\n", px(v), mt, px(v), mt+ph)
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle">%s</text>`+"\n", px(v), mt+ph+16, human(v))
		}
		for v := ylo; v <= yhi*1.001; v *= 10 {
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#ddd"/>`+"\n", x0+ml, py(v), x0+ml+pw, py(v))
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="end">%s</text>`+"\n", x0+ml-6, py(v)+4, human(v))
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle">passages</text>`+"\n", x0+ml+pw/2, mt+ph+34)
		fmt.Fprintf(&b, `<text transform="translate(%.1f,%.1f) rotate(-90)" text-anchor="middle">%s</text>`+"\n", x0+16, mt+ph/2, unit)
		ly := mt + ph + 52.0
		lx := x0 + ml
		for _, s := range ss {
			var pts []string
			for _, r := range rows {
				if r.Engine == s.engine && s.get(r) > 0 {
					pts = append(pts, fmt.Sprintf("%.1f,%.1f", px(float64(r.Passages)), py(s.get(r))))
				}
			}
			dash := ""
			label := s.engine
			if s.dashed {
				dash = ` stroke-dasharray="5,4"`
				label += " (common)"
			}
			fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2"%s/>`+"\n", strings.Join(pts, " "), colors[s.engine], dash)
			for _, p := range pts {
				xy := strings.Split(p, ",")
				fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="3" fill="%s"/>`+"\n", xy[0], xy[1], colors[s.engine])
			}
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="2"%s/><text x="%.1f" y="%.1f">%s</text>`+"\n",
				lx, ly-4, lx+20, ly-4, colors[s.engine], dash, lx+24, ly, label)
			lx += 24 + 7.5*float64(len(label)) + 10
		}
	}
	var lat, build []series
	for _, e := range engines {
		lat = append(lat, series{e, false, func(r Row) float64 { return r.AskP99MS }})
	}
	for _, e := range engines {
		lat = append(lat, series{e, true, func(r Row) float64 { return r.CommonP99MS }})
	}
	for _, e := range engines {
		if e == Scan {
			continue // the scan builds nothing
		}
		build = append(build, series{e, false, func(r Row) float64 { return r.BuildPerS }})
	}
	panel(0, "p99 latency of a question (ms)", "ms", lat)
	panel(panel2Offset, "build rate (passages/s)", "passages/s", build)
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func decadeBelow(v float64) float64 { return math.Pow(10, math.Floor(math.Log10(v))) }
func decadeAbove(v float64) float64 { return math.Pow(10, math.Ceil(math.Log10(v))) }

// human writes a power of ten shortly: 0.01, 1, 10k, 1M.
func human(v float64) string {
	switch {
	case v >= 1e6:
		return fmt.Sprintf("%gM", v/1e6)
	case v >= 1e3:
		return fmt.Sprintf("%gk", v/1e3)
	}
	return fmt.Sprintf("%g", v)
}
