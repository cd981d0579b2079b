package bot

import (
	"strings"
	"testing"
)

func TestPageStateRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		st   pageState
	}{
		{"topic page", pageState{Action: actionPage, Asker: "700000000000000001", Version: "dn5qglepyp8r", Offset: 3, Topic: "who-vetoes"}},
		{"question post", pageState{Action: actionPost, Asker: "18446744073709551615", Version: "v1", Offset: 0}},
		{"question scoped to the longest article id", pageState{Action: actionPage, Asker: "700000000000000001", Version: "zzzzzzzzzzzzz", Offset: 999, Article: strings.Repeat("a", 64)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, err := tt.st.encode()
			if err != nil {
				t.Fatal(err)
			}
			if len(id) > customIDLimit {
				t.Fatalf("%q is %d characters", id, len(id))
			}
			got, err := decodePageState(id)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.st {
				t.Errorf("decoded %+v, want %+v", got, tt.st)
			}
		})
	}
}

func TestDecodePageStateRefuses(t *testing.T) {
	for _, id := range []string{
		"", "m", "m|1|v|0", "x|1|v|0|t:a", "m|!!|v|0|t:a", "m|0|v|0|t:a", "m|1|V!|0|t:a",
		"m|1|v|-1|t:a", "m|1|v|zzzz|t:a", "m|1|v|0|t:Caps", "m|1|v|0|a:../etc", "m|1|v|0|q:x",
		"m|1|v|0|t:a|extra", strings.Repeat("m", 101),
	} {
		if st, err := decodePageState(id); err == nil {
			t.Errorf("decodePageState(%q) = %+v, want an error", id, st)
		}
	}
}

func FuzzDecodePageState(f *testing.F) {
	f.Add("m|rs|dn5qglepyp8r|3|t:who-vetoes")
	f.Add("p|5bghagljl7gh|testversion|0|a:")
	f.Fuzz(func(t *testing.T, id string) {
		st, err := decodePageState(id)
		if err != nil {
			return
		}
		again, err := st.encode()
		if err != nil {
			t.Fatalf("decoded %+v does not encode: %v", st, err)
		}
		if st2, err := decodePageState(again); err != nil || st2 != st {
			t.Fatalf("round trip of %q: %+v, %v", id, st2, err)
		}
	})
}
