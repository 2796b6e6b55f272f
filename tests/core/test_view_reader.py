"""The memory-mapped segment reader behaves like io.BytesIO over the same bytes (it replaces BytesIO in Whoosh so
that a mapped index part is read in place, not copied): any sequence of reads, seeks and line reads gives the
same bytes and positions."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st

from reader.search.storage import _ViewReader

OPS = st.lists(
    st.one_of(
        st.tuples(st.just("read"), st.one_of(st.none(), st.integers(-2, 40))),
        st.tuples(st.just("readline"), st.one_of(st.none(), st.integers(-2, 40))),
        st.tuples(st.just("readinto"), st.integers(0, 40)),
        st.tuples(st.just("seek"), st.tuples(st.integers(0, 60), st.sampled_from([0, 1, 2]))),
        st.tuples(st.just("tell"), st.none()),
    ),
    max_size=25,
)


@given(data=st.binary(max_size=60).map(lambda b: b.replace(b"\x01", b"\n")), ops=OPS)
def test_the_view_reader_reads_as_bytesio_does(data: bytes, ops: list[tuple[str, object]]) -> None:
    view, ref = _ViewReader(memoryview(data)), io.BytesIO(data)
    for op, arg in ops:
        if op == "read":
            assert view.read(arg) == ref.read(arg)  # type: ignore[arg-type]
        elif op == "readline":
            assert view.readline(arg) == ref.readline(arg)  # type: ignore[arg-type]
        elif op == "readinto":
            a, b = bytearray(arg), bytearray(arg)  # type: ignore[arg-type]
            assert view.readinto(a) == ref.readinto(b) and a == b
        elif op == "seek":
            pos, whence = arg  # type: ignore[misc]
            pos = pos if whence == 0 else pos - 30  # relative seeks go both ways, never before the start
            if whence != 0 and ref.tell() + pos < 0 and whence == 1:
                continue
            if whence == 2 and len(data) + pos < 0:
                continue
            assert view.seek(pos, whence) == ref.seek(pos, whence)
        assert view.tell() == ref.tell()


def test_a_long_line_beyond_the_first_4096_bytes_is_read_whole() -> None:
    data = b"x" * 10000 + b"\nrest"
    view = _ViewReader(memoryview(data))
    assert view.readline() == b"x" * 10000 + b"\n" and view.read() == b"rest"
    assert view.readable() and view.seekable()
    assert view.peek(2)[:4] == b""  # at the end nothing is left to peek
    view.seek(0)
    assert view.peek(1) == data[:4096]  # peek offers what it has without moving
    assert view.tell() == 0


def test_a_view_of_another_format_is_read_as_bytes() -> None:
    import array

    numbers = array.array("H", [0x0A41, 0x4242])  # 'A\n' 'BB' in little endian
    view = _ViewReader(memoryview(numbers))
    assert view.read() == numbers.tobytes()
