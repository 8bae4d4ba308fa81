# Draws the add-in icon (a report table with a check mark) at 16/32/64/80/128 px as PNG, with
# 4x4 supersampling, using only zlib. Run: python3 make_icons.py OUTDIR
import math, struct, sys, zlib

def png(path, size, pixels):
    raw = b"".join(b"\x00" + bytes(pixels[y * size * 4:(y + 1) * size * 4]) for y in range(size))
    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    open(path, "wb").write(data)

BLUE = (15, 108, 189)
WHITE = (255, 255, 255)
LIGHT = (207, 228, 250)
GREEN = (16, 124, 16)

def colour(x, y):
    # x, y in [0,1). Returns (r,g,b,a) or None.
    r = 0.16
    def in_round_rect(x0, y0, x1, y1, rad):
        cx = min(max(x, x0 + rad), x1 - rad); cy = min(max(y, y0 + rad), y1 - rad)
        return (x - cx) ** 2 + (y - cy) ** 2 <= rad ** 2 and x0 <= x <= x1 and y0 <= y <= y1
    if not in_round_rect(0.02, 0.02, 0.98, 0.98, r):
        return None
    # check badge, bottom right
    bx, by, br = 0.72, 0.72, 0.22
    d = math.hypot(x - bx, y - by)
    if d <= br:
        # check mark strokes
        def seg(ax, ay, cx2, cy2, w):
            vx, vy = cx2 - ax, cy2 - ay
            t = max(0, min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)))
            return math.hypot(x - (ax + t * vx), y - (ay + t * vy)) <= w
        if seg(0.62, 0.72, 0.69, 0.80, 0.035) or seg(0.69, 0.80, 0.83, 0.63, 0.035):
            return WHITE + (255,)
        return GREEN + (255,)
    if d <= br + 0.04:
        return BLUE + (255,)
    # table: white sheet from 0.18..0.82 x, 0.18..0.80 y with grid lines
    x0, y0, x1, y1 = 0.18, 0.2, 0.82, 0.8
    if x0 <= x <= x1 and y0 <= y <= y1:
        line = 0.035
        rows = [y0 + (y1 - y0) * k / 4 for k in range(5)]
        cols = [x0, x0 + (x1 - x0) * 0.4, x1]
        if any(abs(y - ry) <= line / 2 for ry in rows) or any(abs(x - cx) <= line / 2 for cx in cols):
            return BLUE + (255,)
        if y < rows[1]:
            return LIGHT + (255,)
        return WHITE + (255,)
    return BLUE + (255,)

def render(size):
    n = 4
    out = []
    for py in range(size):
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(n):
                for sx in range(n):
                    c = colour((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)
                    if c is None: continue
                    a = c[3]
                    acc[0] += c[0] * a; acc[1] += c[1] * a; acc[2] += c[2] * a; acc[3] += a
            if acc[3] == 0:
                out += [0, 0, 0, 0]
            else:
                out += [round(acc[0] / acc[3]), round(acc[1] / acc[3]), round(acc[2] / acc[3]), round(acc[3] / (n * n))]
    return out

for s in (16, 32, 64, 80, 128):
    png(f"{sys.argv[1]}/icon-{s}.png", s, render(s))
