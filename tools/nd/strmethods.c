/* strmethods.c — the str, list and dict methods scripts use. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "py.h"

static Val mk_like(Val self, const char *s, int64_t n) { return self.t == T_BYTES ? mk_bytes(s, n) : mk_str(s, n); }

static bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

static Val do_strip(Val self, Val chars, int which) {
    const char *s = STR(self)->s;
    int64_t a = 0, b = STR(self)->len;
    const char *set = HAS(chars) && chars.t == T_STR ? STR(chars)->s : NULL;
#define STRIPC(c) (set ? strchr(set, (c)) != NULL && (c) != 0 : is_ws(c))
    if (which & 1) while (a < b && STRIPC(s[a])) a++;
    if (which & 2) while (b > a && STRIPC(s[b - 1])) b--;
#undef STRIPC
    return mk_like(self, s + a, b - a);
}

static Val do_split(Val self, Val sepv, int64_t maxsplit, bool right) {
    const char *s = STR(self)->s;
    int64_t n = STR(self)->len;
    Val out = mk_list(0);
    if (!HAS(sepv) || sepv.t == T_NONE) {
        if (!right) {
            int64_t i = 0, splits = 0;
            while (i < n) {
                while (i < n && is_ws(s[i])) i++;
                if (i >= n) break;
                if (maxsplit >= 0 && splits == maxsplit) {
                    int64_t e = n;
                    while (e > i && is_ws(s[e - 1])) e--;
                    list_append(out, mk_like(self, s + i, e - i));
                    break;
                }
                int64_t j = i;
                while (j < n && !is_ws(s[j])) j++;
                list_append(out, mk_like(self, s + i, j - i));
                splits++;
                i = j;
            }
            return out;
        }
        int64_t i = n, splits = 0;
        Val rev = mk_list(0);
        while (i > 0) {
            while (i > 0 && is_ws(s[i - 1])) i--;
            if (i <= 0) break;
            if (maxsplit >= 0 && splits == maxsplit) {
                int64_t b = 0;
                while (b < i && is_ws(s[b])) b++;
                list_append(rev, mk_like(self, s + b, i - b));
                break;
            }
            int64_t j = i;
            while (j > 0 && !is_ws(s[j - 1])) j--;
            list_append(rev, mk_like(self, s + j, i - j));
            splits++;
            i = j;
        }
        for (int64_t k = LIST(rev)->n - 1; k >= 0; k--) list_append(out, incref(LIST(rev)->v[k]));
        decref(rev);
        return out;
    }
    if (sepv.t != self.t) { decref(out); return raise_exc(TypeErrorT, "must be str or None, not %s", type_name(sepv)); }
    const char *sep = STR(sepv)->s;
    int64_t sl = STR(sepv)->len;
    if (!sl) { decref(out); return raise_exc(ValueErrorT, "empty separator"); }
    if (!right) {
        int64_t i = 0, splits = 0;
        for (;;) {
            const char *hit = (maxsplit < 0 || splits < maxsplit) ? memmem(s + i, (size_t)(n - i), sep, (size_t)sl) : NULL;
            if (!hit) { list_append(out, mk_like(self, s + i, n - i)); break; }
            list_append(out, mk_like(self, s + i, hit - (s + i)));
            i = (hit - s) + sl;
            splits++;
        }
        return out;
    }
    Val rev = mk_list(0);
    int64_t e = n, splits = 0;
    for (;;) {
        int64_t k = -1;
        if (maxsplit < 0 || splits < maxsplit)
            for (int64_t j = e - sl; j >= 0; j--) if (!memcmp(s + j, sep, (size_t)sl)) { k = j; break; }
        if (k < 0) { list_append(rev, mk_like(self, s, e)); break; }
        list_append(rev, mk_like(self, s + k + sl, e - k - sl));
        e = k;
        splits++;
    }
    for (int64_t k = LIST(rev)->n - 1; k >= 0; k--) list_append(out, incref(LIST(rev)->v[k]));
    decref(rev);
    return out;
}

static Val justify(Val self, int64_t width, Val fillv, char how) {
    int64_t len = str_cplen(STR(self));
    const char *fill = " ";
    int64_t fl = 1;
    if (HAS(fillv)) {
        if (fillv.t != T_STR || str_cplen(STR(fillv)) != 1)
            return raise_exc(TypeErrorT, "The fill character must be exactly one character long");
        fill = STR(fillv)->s;
        fl = STR(fillv)->len;
    }
    if (width <= len) return incref(self);
    int64_t pad = width - len, left = how == 'l' ? 0 : how == 'r' ? pad : pad / 2 + (pad & width & 1);
    SB b = {0};
    for (int64_t i = 0; i < left; i++) sb_putn(&b, fill, (size_t)fl);
    sb_putn(&b, STR(self)->s, (size_t)STR(self)->len);
    for (int64_t i = 0; i < pad - left; i++) sb_putn(&b, fill, (size_t)fl);
    return sb_val(&b);
}

/* str positions count code points; the search works on UTF-8 bytes */
static int64_t cp_to_byte(const OStr *s, int64_t cp) {
    for (int64_t i = 0, n = 0; i < s->len; i++)
        if (((unsigned char)s->s[i] & 0xC0) != 0x80 && n++ == cp) return i;
    return s->len;
}
static int64_t byte_to_cp(const OStr *s, int64_t b) {
    int64_t cp = 0;
    for (int64_t i = 0; i < b; i++) if (((unsigned char)s->s[i] & 0xC0) != 0x80) cp++;
    return cp;
}

static int64_t find_sub(const OStr *s, const OStr *sub, int64_t start, int64_t end, bool rev) {
    if (start < 0) start += s->len;
    if (start < 0) start = 0;
    if (end > s->len) end = s->len;
    if (end < 0) end += s->len;
    if (end - start < sub->len) return -1;
    if (!rev) {
        const char *h = memmem(s->s + start, (size_t)(end - start), sub->s, (size_t)sub->len);
        return h ? h - s->s : -1;
    }
    for (int64_t j = end - sub->len; j >= start; j--)
        if (!memcmp(s->s + j, sub->s, (size_t)sub->len)) return j;
    return -1;
}

static Val affix(Val self, Val x, bool ends) {
    if (x.t == T_TUPLE) {
        for (int64_t i = 0; i < LIST(x)->n; i++) {
            Val r = affix(self, LIST(x)->v[i], ends);
            if (ISERR(r) || r.i) return r;
        }
        return VBOOL(0);
    }
    if (x.t != self.t)
        return raise_exc(TypeErrorT, "%s first arg must be str or a tuple of str, not %s", ends ? "endswith" : "startswith", type_name(x));
    int64_t n = STR(self)->len, m = STR(x)->len;
    if (m > n) return VBOOL(0);
    return VBOOL(!memcmp(STR(self)->s + (ends ? n - m : 0), STR(x)->s, (size_t)m));
}

static Val map_chars(Val self, int mode) {
    Val r = mk_like(self, STR(self)->s, STR(self)->len);
    char *s = STR(r)->s;
    bool start = true;
    for (int64_t i = 0; i < STR(r)->len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (mode) {
        case 'u': s[i] = (char)toupper(c); break;
        case 'l': s[i] = (char)tolower(c); break;
        case 's': s[i] = (char)(isupper(c) ? tolower(c) : toupper(c)); break;
        case 't': s[i] = (char)(start ? toupper(c) : tolower(c)); start = !isalpha(c); break;
        case 'c': s[i] = (char)(i == 0 ? toupper(c) : tolower(c)); break;
        }
    }
    return r;
}

static Val str_is(Val self, int (*pred)(int), bool need_cased) {
    const OStr *s = STR(self);
    if (!s->len) return VBOOL(0);
    bool cased = false;
    for (int64_t i = 0; i < s->len; i++) {
        unsigned char c = (unsigned char)s->s[i];
        if (need_cased) {
            if (isalpha(c)) { cased = true; if (!pred(c)) return VBOOL(0); }
        } else if (!pred(c)) return VBOOL(0);
    }
    return VBOOL(!need_cased || cased);
}

Val str_method(Val self, const char *name, int argc, Val *argv, Kw *kw, bool *found) {
    Val a[4];
    *found = true;
    const OStr *s = STR(self);
#define ARGS(spec) if (argparse(name, argc, argv, kw, spec, a) < 0) return VERR
    if (!strcmp(name, "join")) {
        ARGS("iterable");
        Val l = to_list(a[0]);
        if (ISERR(l)) return l;
        SB b = {0};
        for (int64_t i = 0; i < LIST(l)->n; i++) {
            Val x = LIST(l)->v[i];
            if (x.t != self.t) {
                free(b.s);
                decref(l);
                return raise_exc(TypeErrorT, "sequence item %lld: expected str instance, %s found", (long long)i, type_name(x));
            }
            if (i) sb_putn(&b, s->s, (size_t)s->len);
            sb_putn(&b, STR(x)->s, (size_t)STR(x)->len);
        }
        decref(l);
        Val r = mk_like(self, b.s ? b.s : "", (int64_t)b.n);
        free(b.s);
        return r;
    }
    if (!strcmp(name, "split") || !strcmp(name, "rsplit")) {
        ARGS("|sep,maxsplit");
        int64_t m = -1;
        if (HAS(a[1]) && to_int64(a[1], &m, NULL) < 0) return VERR;
        return do_split(self, a[0], m, name[0] == 'r');
    }
    if (!strcmp(name, "splitlines")) {
        Val out = mk_list(0);
        int64_t i = 0;
        while (i < s->len) {
            int64_t j = i;
            while (j < s->len && s->s[j] != '\n' && s->s[j] != '\r') j++;
            list_append(out, mk_like(self, s->s + i, j - i));
            if (j < s->len && s->s[j] == '\r' && j + 1 < s->len && s->s[j + 1] == '\n') j++;
            i = j + 1;
        }
        return out;
    }
    if (!strcmp(name, "strip")) { ARGS("|chars"); return do_strip(self, a[0], 3); }
    if (!strcmp(name, "lstrip")) { ARGS("|chars"); return do_strip(self, a[0], 1); }
    if (!strcmp(name, "rstrip")) { ARGS("|chars"); return do_strip(self, a[0], 2); }
    if (!strcmp(name, "upper")) return map_chars(self, 'u');
    if (!strcmp(name, "lower") || !strcmp(name, "casefold")) return map_chars(self, 'l');
    if (!strcmp(name, "swapcase")) return map_chars(self, 's');
    if (!strcmp(name, "title")) return map_chars(self, 't');
    if (!strcmp(name, "capitalize")) return map_chars(self, 'c');
    if (!strcmp(name, "startswith") || !strcmp(name, "endswith")) { ARGS("prefix"); return affix(self, a[0], name[0] == 'e'); }
    if (!strcmp(name, "find") || !strcmp(name, "rfind") || !strcmp(name, "index") || !strcmp(name, "count")) {
        ARGS("sub|start,end");
        if (a[0].t != self.t) return raise_exc(TypeErrorT, "must be str, not %s", type_name(a[0]));
        int64_t st = 0, en = s->len;
        if (HAS(a[1]) && a[1].t != T_NONE && to_int64(a[1], &st, NULL) < 0) return VERR;
        if (HAS(a[2]) && a[2].t != T_NONE && to_int64(a[2], &en, NULL) < 0) return VERR;
        int64_t ncp = self.t == T_STR ? str_cplen(s) : s->len;
        bool wide = ncp != s->len; /* non-ASCII str: map code points to bytes and back */
        if (wide) {
            if (st < 0) st = st + ncp < 0 ? 0 : st + ncp;
            if (HAS(a[2]) && a[2].t != T_NONE && en < 0) en = en + ncp < 0 ? 0 : en + ncp;
            st = cp_to_byte(s, st);
            en = en >= ncp ? s->len : cp_to_byte(s, en);
        }
        if (!strcmp(name, "count")) {
            int64_t c = 0, p = st;
            if (!STR(a[0])->len) return VINT(str_cplen(s) + 1);
            for (;;) {
                int64_t k = find_sub(s, STR(a[0]), p, en, false);
                if (k < 0) break;
                c++;
                p = k + STR(a[0])->len;
            }
            return VINT(c);
        }
        int64_t k = find_sub(s, STR(a[0]), st, en, name[0] == 'r');
        if (k < 0 && name[0] == 'i') return raise_exc(ValueErrorT, "substring not found");
        return VINT(wide && k > 0 ? byte_to_cp(s, k) : k);
    }
    if (!strcmp(name, "replace")) {
        ARGS("old,new|count");
        if (a[0].t != self.t || a[1].t != self.t) return raise_exc(TypeErrorT, "replace() argument must be str");
        int64_t cnt = -1;
        if (HAS(a[2]) && to_int64(a[2], &cnt, NULL) < 0) return VERR;
        const OStr *o = STR(a[0]), *nw = STR(a[1]);
        SB b = {0};
        int64_t i = 0, done = 0;
        while (i <= s->len) {
            int64_t k = (cnt < 0 || done < cnt) ? (o->len ? find_sub(s, o, i, s->len, false) : (i < s->len || done == 0 ? i : -1)) : -1;
            if (k < 0) { sb_putn(&b, s->s + i, (size_t)(s->len - i)); break; }
            sb_putn(&b, s->s + i, (size_t)(k - i));
            sb_putn(&b, nw->s, (size_t)nw->len);
            done++;
            if (!o->len) {
                if (k < s->len) sb_putc(&b, s->s[k]);
                i = k + 1;
                if (i > s->len) break;
                if (i == s->len && (cnt < 0 || done < cnt)) { sb_putn(&b, nw->s, (size_t)nw->len); break; }
            } else i = k + o->len;
        }
        Val r = mk_like(self, b.s ? b.s : "", (int64_t)b.n);
        free(b.s);
        return r;
    }
    if (!strcmp(name, "ljust") || !strcmp(name, "rjust") || !strcmp(name, "center")) {
        ARGS("width|fillchar");
        int64_t w;
        if (to_int64(a[0], &w, NULL) < 0) return VERR;
        return justify(self, w, a[1], name[0] == 'l' ? 'l' : name[0] == 'r' ? 'r' : 'c');
    }
    if (!strcmp(name, "zfill")) {
        ARGS("width");
        int64_t w;
        if (to_int64(a[0], &w, NULL) < 0) return VERR;
        if (w <= s->len) return incref(self);
        SB b = {0};
        int64_t i = 0;
        if (s->len && (s->s[0] == '-' || s->s[0] == '+')) { sb_putc(&b, s->s[0]); i = 1; }
        for (int64_t k = 0; k < w - s->len; k++) sb_putc(&b, '0');
        sb_putn(&b, s->s + i, (size_t)(s->len - i));
        return sb_val(&b);
    }
    if (!strcmp(name, "format")) return str_format(self, argc, argv, kw);
    if (!strcmp(name, "isdigit") || !strcmp(name, "isnumeric") || !strcmp(name, "isdecimal")) return str_is(self, isdigit, false);
    if (!strcmp(name, "isalpha")) return str_is(self, isalpha, false);
    if (!strcmp(name, "isalnum")) return str_is(self, isalnum, false);
    if (!strcmp(name, "isspace")) return str_is(self, isspace, false);
    if (!strcmp(name, "isupper")) return str_is(self, isupper, true);
    if (!strcmp(name, "islower")) return str_is(self, islower, true);
    if (!strcmp(name, "partition")) {
        ARGS("sep");
        if (a[0].t != self.t) return raise_exc(TypeErrorT, "must be str, not %s", type_name(a[0]));
        int64_t k = find_sub(s, STR(a[0]), 0, s->len, false);
        Val t = mk_tuple(3);
        if (k < 0) {
            LIST(t)->v[0] = incref(self);
            LIST(t)->v[1] = mk_like(self, "", 0);
            LIST(t)->v[2] = mk_like(self, "", 0);
        } else {
            LIST(t)->v[0] = mk_like(self, s->s, k);
            LIST(t)->v[1] = incref(a[0]);
            LIST(t)->v[2] = mk_like(self, s->s + k + STR(a[0])->len, s->len - k - STR(a[0])->len);
        }
        return t;
    }
    if (!strcmp(name, "encode") && self.t == T_STR) return mk_bytes(s->s, s->len);
    if (!strcmp(name, "decode") && self.t == T_BYTES) return mk_str(s->s, s->len);
    if (!strcmp(name, "hex") && self.t == T_BYTES) {
        SB b = {0};
        for (int64_t i = 0; i < s->len; i++) sb_printf(&b, "%02x", (unsigned char)s->s[i]);
        return sb_val(&b);
    }
    *found = false;
    return VERR;
#undef ARGS
}

Val list_method(Val self, const char *name, int argc, Val *argv, Kw *kw, bool *found) {
    Val a[3];
    OList *l = LIST(self);
    *found = true;
#define ARGS(spec) if (argparse(name, argc, argv, kw, spec, a) < 0) return VERR
    if (!strcmp(name, "index") || !strcmp(name, "count")) {
        ARGS("value|start,stop");
        int64_t c = 0;
        for (int64_t i = 0; i < l->n; i++) {
            int e = val_eq(l->v[i], a[0]);
            if (e < 0) return VERR;
            if (e && name[0] == 'i') return VINT(i);
            c += e;
        }
        if (name[0] == 'i') {
            Val r = val_repr(a[0]);
            if (ISERR(r)) return r;
            Val x = raise_exc(ValueErrorT, self.t == T_LIST ? "%s is not in list" : "tuple.index(x): x not in tuple", STR(r)->s);
            decref(r);
            return x;
        }
        return VINT(c);
    }
    if (self.t != T_LIST) { *found = false; return VERR; }
    if (!strcmp(name, "append")) { ARGS("object"); list_append(self, incref(a[0])); return VNONE; }
    if (!strcmp(name, "extend")) {
        ARGS("iterable");
        Val it = to_list(a[0]);
        if (ISERR(it)) return it;
        for (int64_t i = 0; i < LIST(it)->n; i++) list_append(self, incref(LIST(it)->v[i]));
        decref(it);
        return VNONE;
    }
    if (!strcmp(name, "insert")) {
        ARGS("index,object");
        int64_t i;
        if (to_int64(a[0], &i, NULL) < 0) return VERR;
        if (i < 0) i += l->n;
        if (i < 0) i = 0;
        if (i > l->n) i = l->n;
        list_append(self, VNONE);
        memmove(l->v + i + 1, l->v + i, sizeof(Val) * (size_t)(l->n - 1 - i));
        l->v[i] = incref(a[1]);
        return VNONE;
    }
    if (!strcmp(name, "pop")) {
        ARGS("|index");
        int64_t i = -1;
        if (HAS(a[0]) && to_int64(a[0], &i, NULL) < 0) return VERR;
        if (!l->n) return raise_exc(IndexErrorT, "pop from empty list");
        if (i < 0) i += l->n;
        if (i < 0 || i >= l->n) return raise_exc(IndexErrorT, "pop index out of range");
        Val r = l->v[i];
        memmove(l->v + i, l->v + i + 1, sizeof(Val) * (size_t)(l->n - i - 1));
        l->n--;
        return r;
    }
    if (!strcmp(name, "remove")) {
        ARGS("value");
        for (int64_t i = 0; i < l->n; i++) {
            int e = val_eq(l->v[i], a[0]);
            if (e < 0) return VERR;
            if (e) {
                decref(l->v[i]);
                memmove(l->v + i, l->v + i + 1, sizeof(Val) * (size_t)(l->n - i - 1));
                l->n--;
                return VNONE;
            }
        }
        return raise_exc(ValueErrorT, "list.remove(x): x not in list");
    }
    if (!strcmp(name, "sort")) {
        if (argc) return raise_exc(TypeErrorT, "sort() takes no positional arguments");
        ARGS("|key,reverse");
        int rev = HAS(a[1]) ? val_truth(a[1]) : 0;
        return list_sort(self, a[0], rev) < 0 ? VERR : VNONE;
    }
    if (!strcmp(name, "reverse")) {
        for (int64_t i = 0; i < l->n / 2; i++) { Val t = l->v[i]; l->v[i] = l->v[l->n - 1 - i]; l->v[l->n - 1 - i] = t; }
        return VNONE;
    }
    if (!strcmp(name, "copy")) return to_list(self);
    if (!strcmp(name, "clear")) {
        for (int64_t i = 0; i < l->n; i++) decref(l->v[i]);
        l->n = 0;
        return VNONE;
    }
    *found = false;
    return VERR;
#undef ARGS
}

Val dict_method(Val self, const char *name, int argc, Val *argv, Kw *kw, bool *found) {
    Val a[2];
    ODict *d = DICT(self);
    *found = true;
#define ARGS(spec) if (argparse(name, argc, argv, kw, spec, a) < 0) return VERR
    if (!strcmp(name, "keys") || !strcmp(name, "values") || !strcmp(name, "items")) {
        Val out = mk_list(0);
        for (int64_t i = 0; i < d->used; i++) {
            if (d->e[i].k.t == T_ERR) continue;
            if (name[0] == 'k') list_append(out, incref(d->e[i].k));
            else if (name[0] == 'v') list_append(out, incref(d->e[i].v));
            else list_append(out, mk_tuple2(incref(d->e[i].k), incref(d->e[i].v)));
        }
        return out;
    }
    if (!strcmp(name, "get")) {
        ARGS("key|default");
        bool f;
        Val v = dict_get(self, a[0], &f);
        if (ISERR(v)) return v;
        return f ? incref(v) : HAS(a[1]) ? incref(a[1]) : VNONE;
    }
    if (!strcmp(name, "setdefault")) {
        ARGS("key|default");
        bool f;
        Val v = dict_get(self, a[0], &f);
        if (ISERR(v)) return v;
        if (f) return incref(v);
        Val dv = HAS(a[1]) ? a[1] : VNONE;
        if (dict_set(self, a[0], dv) < 0) return VERR;
        return incref(dv);
    }
    if (!strcmp(name, "pop")) {
        ARGS("key|default");
        bool f;
        Val v = dict_get(self, a[0], &f);
        if (ISERR(v)) return v;
        if (!f) {
            if (HAS(a[1])) return incref(a[1]);
            return raise_val(call_val(VOBJ(KeyErrorT), 1, &a[0], NULL));
        }
        v = incref(v);
        dict_del(self, a[0]);
        return v;
    }
    if (!strcmp(name, "update")) {
        if (argc > 1) return raise_exc(TypeErrorT, "update expected at most 1 argument, got %d", argc);
        Val src = argc ? type_call(DictT, 1, argv, kw) : type_call(DictT, 0, NULL, kw);
        if (ISERR(src)) return src;
        ODict *s = DICT(src);
        for (int64_t i = 0; i < s->used; i++)
            if (s->e[i].k.t != T_ERR) dict_set(self, s->e[i].k, s->e[i].v);
        decref(src);
        return VNONE;
    }
    if (!strcmp(name, "copy")) return type_call(DictT, 1, &self, NULL);
    if (!strcmp(name, "clear")) {
        for (int64_t i = 0; i < d->used; i++)
            if (d->e[i].k.t != T_ERR) { decref(d->e[i].k); decref(d->e[i].v); d->e[i].k = VERR; }
        d->n = 0;
        d->used = 0;
        for (int64_t i = 0; i < d->icap; i++) d->idx[i] = -1;
        return VNONE;
    }
    *found = false;
    return VERR;
#undef ARGS
}
