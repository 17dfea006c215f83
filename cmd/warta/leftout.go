package main

import (
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/diag"
)

// leftOutCount is the end of the summary line when the build left pages
// out by rule (drafts, pages dated in the future): "; not published: 2
// draft(s), 1 dated in the future (-v lists them)". Empty when none.
func leftOutCount(res *build.Result, say func(diag.Code, ...any) string) string {
	if len(res.Drafts)+len(res.Future) == 0 {
		return ""
	}
	return "; " + say(diag.BuildLeftOut, len(res.Drafts), len(res.Future))
}

// leftOutList names each page left out, for -v.
func leftOutList(res *build.Result, say func(diag.Code, ...any) string) []string {
	var out []string
	for _, f := range res.Drafts {
		out = append(out, say(diag.BuildLeftOutDraft, f))
	}
	for _, h := range res.Future {
		out = append(out, say(diag.BuildLeftOutFuture, h.Date.Format("2006-01-02"), h.File))
	}
	return out
}
