package index

import "testing"

func TestMemoStaysBounded(t *testing.T) {
	var m memo[int, string]
	if _, ok := m.get(1); ok {
		t.Fatal("an empty memo holds passage 1")
	}
	for i := range memoSize {
		m.put(i, "read")
	}
	if v, ok := m.get(memoSize - 1); !ok || v != "read" {
		t.Fatalf("get(%d) = %q, %v; want the reading kept", memoSize-1, v, ok)
	}
	if n := m.len(); n != memoSize {
		t.Fatalf("%d readings kept, want %d", n, memoSize)
	}
	m.put(memoSize, "more")
	if n := m.len(); n != 1 {
		t.Errorf("past memoSize, %d readings kept, want 1 (started again)", n)
	}
	if v, ok := m.get(memoSize); !ok || v != "more" {
		t.Errorf("get(%d) = %q, %v; want the last reading", memoSize, v, ok)
	}
}
