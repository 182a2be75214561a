/*
 * slm-gen: writes a deterministic, consistent agreement repository of a given size, for the
 * benchmark (`make bench`) and for scale tests of `slm validate` and `slm check`.
 *
 * The documents follow the vocabulary of the reference repository (shared/vocabulary/): one
 * organization with the 2025 Chinese calendar, one catalog with the seed's three tiers, and per
 * customer the whole SLA lifecycle of the seed (requirements, SLA and sometimes an additional SLA,
 * OLAs, supplier contracts, decomposition, proposal, initiation, 12 monthly reports, 4 quarterly
 * reviews, and for some customers an early termination with release lists, accounting and
 * archive). Every document is clean for `slm check --as-of 2025-11-30`: signatures precede the
 * term, OLA/contract hours cover the tier's hours, their targets are at least as strict as the
 * offer's, the availability chain holds, incidents are inside their targets on the wall clock (so
 * also on the SLA clock, which only ever pauses), actions are closed before their due dates.
 *
 * `--faults N` plants N faults of each selected kind, each in a different customer without
 * amendment or termination, and lists them in OUTDIR/FAULTS.txt as `file:line: rule`, sorted by
 * file then line. Each fault is built to trip its rule and no other:
 *   duplicate-id    reports/dup-2025-02.xml, a verbatim copy of an incident-free report (line 2)
 *   unresolved-ref  proposal.xml, an extra <ola ref="OLA-RETIRED-…"/> (that line)
 *   hours-gap       the first OLA's <hours> starts an hour after the tier's window
 *   target-weaker   the first OLA's first priority resolves an hour later than the SLA's
 *   breach          reports/2025-04.xml, the first service's <measure> below its target; the Q2
 *                   review has a finding naming it, so breach-unreviewed stays quiet
 * The default kinds are duplicate-id and unresolved-ref; `--fault-kinds all` adds the others.
 *
 * The same seed and size give byte-identical files: one splitmix64 stream per customer, derived
 * from the seed and the customer number, so a customer's documents do not depend on how many
 * customers follow it (a smaller repository is a prefix of a larger one, but for the
 * organization's customer list).
 *
 * Plain C11 + POSIX, no dependency beyond libc: it must build before anything else does.
 */
#define _XOPEN_SOURCE 700

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#define GEN_VERSION "1"

/* ------------------------------------------------------------------------------------------ */
/* Failing, memory, growable buffer                                                           */

static void die(const char *fmt, ...)
{
	va_list ap;
	fputs("slm-gen: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		die("out of memory (%zu bytes)", n);
	return q;
}

struct buf {
	char *p;
	size_t len, cap;
};

static void buf_reserve(struct buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

static void bprintf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	buf_reserve(b, 256);
	va_start(ap, fmt);
	int n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		die("vsnprintf failed");
	if ((size_t)n >= b->cap - b->len) {
		buf_reserve(b, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

/* The line the next byte appended to b will be on (1-based). */
static int buf_line(const struct buf *b)
{
	int line = 1;
	for (size_t i = 0; i < b->len; i++)
		line += b->p[i] == '\n';
	return line;
}

/* ------------------------------------------------------------------------------------------ */
/* Random numbers: splitmix64, fixed across platforms                                          */

static uint64_t rng_next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int rnd(uint64_t *s, int n)
{
	return n <= 1 ? 0 : (int)(rng_next(s) % (uint64_t)n);
}

static uint64_t rng_derive(uint64_t seed, uint64_t a, uint64_t b)
{
	uint64_t s = seed ^ (a * 0xd1342543de82ef95ULL) ^ (b * 0xaf251af3b0f025b5ULL);
	rng_next(&s);
	return s;
}

/* ------------------------------------------------------------------------------------------ */
/* Dates: days since 1970-01-01 (H. Hinnant's civil algorithms), the 2025 Chinese calendar    */

static long day_of(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* 0 = Monday … 6 = Sunday; 1970-01-01 was a Thursday. */
static int weekday(long z)
{
	return (int)((z % 7 + 7 + 3) % 7);
}

struct date_str {
	char s[16];
};

static struct date_str ds(long z)
{
	struct date_str r;
	int y, m, d;
	civil(z, &y, &m, &d);
	snprintf(r.s, sizeof r.s, "%04d-%02d-%02d", y, m, d);
	return r;
}

static int month_len(int y, int m)
{
	return (int)(day_of(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - day_of(y, m, 1));
}

/* clang-format off */
static const struct holiday {
	int fm, fd, tm, td;
	const char *name;
} holidays[] = {
	{ 1, 1, 1, 1, "元旦" },     { 1, 28, 2, 4, "春节" },   { 4, 4, 4, 6, "清明节" },
	{ 5, 1, 5, 5, "劳动节" },   { 5, 31, 6, 2, "端午节" }, { 10, 1, 10, 8, "国庆节、中秋节" },
};
/* clang-format on */

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static int is_holiday(long z)
{
	for (size_t i = 0; i < NELEM(holidays); i++)
		if (z >= day_of(2025, holidays[i].fm, holidays[i].fd) &&
		    z <= day_of(2025, holidays[i].tm, holidays[i].td))
			return 1;
	return 0;
}

/* A plain working day: Monday to Friday and not a holiday. Adjusted (调休) weekend workdays are
 * deliberately not used for generated events, so no rule's reading of `days=` can disagree. */
static int is_plain_workday(long z)
{
	return weekday(z) < 5 && !is_holiday(z);
}

/* ------------------------------------------------------------------------------------------ */
/* Formatting of durations, percentages, times                                                */

struct small {
	char s[32];
};

static struct small dur(int minutes)
{
	struct small r;
	int h = minutes / 60, m = minutes % 60;
	if (h && m)
		snprintf(r.s, sizeof r.s, "PT%dH%dM", h, m);
	else if (h)
		snprintf(r.s, sizeof r.s, "PT%dH", h);
	else
		snprintf(r.s, sizeof r.s, "PT%dM", m);
	return r;
}

/* Percent in hundredths (9995 = 99.95) as the reference writes it: 99.95, 99.9, 99.0. */
static struct small pct(int h)
{
	struct small r;
	if (h % 10)
		snprintf(r.s, sizeof r.s, "%d.%02d", h / 100, h % 100);
	else
		snprintf(r.s, sizeof r.s, "%d.%d", h / 100, (h % 100) / 10);
	return r;
}

static struct small hhmm(int minutes)
{
	struct small r;
	snprintf(r.s, sizeof r.s, "%02d:%02d", minutes / 60, minutes % 60);
	return r;
}

/* An instant in Asia/Shanghai (no DST) from a day and minutes past its midnight. */
static struct small instant(long day, int minutes)
{
	struct small r;
	long z = day + minutes / 1440;
	int mm = minutes % 1440, y, m, d;
	civil(z, &y, &m, &d);
	snprintf(r.s, sizeof r.s, "%04d-%02d-%02dT%02d:%02d:00+08:00", y, m, d, mm / 60, mm % 60);
	return r;
}

/* ------------------------------------------------------------------------------------------ */
/* The fixed world: departments, suppliers, tiers, services                                   */

struct dept {
	const char *id, *name, *parent;
};

enum {
	D_OPS,
	D_DBA,
	D_NET,
	D_HOST,
	D_STOR,
	D_APP,
	D_SEC,
	D_CLOUD,
	D_BIZ,
	D_SALES,
	D_PROD,
	D_EXEC,
	NDEPT
};

/* clang-format off */
static const struct dept depts[NDEPT] = {
	[D_OPS] = { "DEPT-OPS", "系统运维部", NULL },
	[D_DBA] = { "DEPT-DBA", "数据库运维组", "DEPT-OPS" },
	[D_NET] = { "DEPT-NET", "网络运维组", "DEPT-OPS" },
	[D_HOST] = { "DEPT-HOST", "主机运维组", "DEPT-OPS" },
	[D_STOR] = { "DEPT-STOR", "存储运维组", "DEPT-OPS" },
	[D_APP] = { "DEPT-APP", "应用运维组", "DEPT-OPS" },
	[D_SEC] = { "DEPT-SEC", "安全运维组", "DEPT-OPS" },
	[D_CLOUD] = { "DEPT-CLOUD", "云平台运维组", "DEPT-OPS" },
	[D_BIZ] = { "DEPT-BIZ", "经营管理部", NULL },
	[D_SALES] = { "DEPT-SALES", "销售部", NULL },
	[D_PROD] = { "DEPT-PROD", "产品部", NULL },
	[D_EXEC] = { "DEPT-EXEC", "总经理办公室", NULL },
};
/* clang-format on */

struct supplier {
	const char *id, *code, *name;
};

/* The first ones underpin catalog services; the others are on the books without a contract here. */
/* clang-format off */
static const struct supplier suppliers[] = {
	{ "SUP-DB", "db", "数库软件服务有限公司" },
	{ "SUP-LINE", "line", "城联通信有限公司" },
	{ "SUP-HW", "hw", "恒达硬件维保有限公司" },
	{ "SUP-STOR", "stor", "存安数据存储有限公司" },
	{ "SUP-SEC", "sec", "盾安网络安全技术有限公司" },
	{ "SUP-CLOUD", "cloud", "云启计算服务有限公司" },
	{ "SUP-0007", "s7", "华东机房托管有限公司" },
	{ "SUP-0008", "s8", "泰和电力设备有限公司" },
	{ "SUP-0009", "s9", "讯捷光纤工程有限公司" },
	{ "SUP-0010", "s10", "博远软件有限公司" },
	{ "SUP-0011", "s11", "中科智维技术有限公司" },
	{ "SUP-0012", "s12", "金桥系统集成有限公司" },
	{ "SUP-0013", "s13", "明德信息技术有限公司" },
	{ "SUP-0014", "s14", "远航数据服务有限公司" },
	{ "SUP-0015", "s15", "安信灾备技术有限公司" },
	{ "SUP-0016", "s16", "瑞丰办公设备有限公司" },
	{ "SUP-0017", "s17", "北辰网络科技有限公司" },
	{ "SUP-0018", "s18", "锐思测试服务有限公司" },
	{ "SUP-0019", "s19", "天衡运维外包有限公司" },
	{ "SUP-0020", "s20", "卓联通信工程有限公司" },
};
/* clang-format on */

struct hours {
	const char *days;
	int from, to, workdays_only;
};

/* The seed's three tiers: 7×24, 7×12 (08:00–20:00), 5×8 on working days. */
/* clang-format off */
static const struct hours tier_hours[4] = {
	{ NULL, 0, 0, 0 },
	{ "mon-sun", 0, 1440, 0 },
	{ "mon-sun", 480, 1200, 0 },
	{ "mon-fri", 540, 1020, 1 },
};
/* clang-format on */
static const char *const tier_name[4] = {"", "高", "中", "低"};
static const char *const tier_phrase[4] = {"", "7×24", "7×12", "5×8"};

#define NPRIO 2
struct targets {
	int avail;       /* hundredths of a percent */
	int resp[NPRIO]; /* minutes, 0 = no target for P1 / P2 */
	int res[NPRIO];
};

struct offer {
	int tier, price;
	struct targets t;
};

struct service {
	const char *id, *code, *category, *name, *desc, *plan;
	int dept;
	int supplier; /* index in suppliers[], -1 for none */
	int noffers;
	struct offer offers[3];
	struct targets cap;
};

/* clang-format off */
#define T1(a) { a, { 15, 30 }, { 240, 480 } }
#define T2(a) { a, { 30, 60 }, { 480, 720 } }
#define T3(a) { a, { 120, 240 }, { 960, 1440 } }
#define CAP_HI(a) { a, { 10, 20 }, { 180, 360 } }
#define CAP_MID(a) { a, { 20, 45 }, { 360, 600 } }

static const struct service services[] = {
	{ "SVC-DB", "DB", "database", "数据库运维", "核心数据库的监控、备份、故障处理与性能优化。",
	  "监控、每日备份校验与性能巡检", D_DBA, 0, 2,
	  { { 1, 50000, T1(9995) }, { 2, 30000, T2(9990) } }, CAP_HI(9997) },
	{ "SVC-NET", "NET", "network", "网络运维", "广域网与数据中心网络的监控、变更与故障处理。",
	  "骨干链路双路由与网络监控", D_NET, 1, 2,
	  { { 2, 20000, T2(9990) }, { 3, 12000, T3(9950) } }, CAP_MID(9995) },
	{ "SVC-DESK", "DESK", "desktop", "桌面运维", "办公终端的安装、维护与现场支持。",
	  "驻场支持与远程协助", D_OPS, -1, 1,
	  { { 3, 8000, { 9900, { 0, 240 }, { 0, 960 } } } }, { 9950, { 0, 120 }, { 0, 480 } } },
	{ "SVC-HOST", "HOST", "server", "主机运维", "物理服务器与虚拟化平台的监控、补丁与故障处理。",
	  "主机巡检、补丁管理与硬件维保", D_HOST, 2, 3,
	  { { 1, 40000, T1(9995) }, { 2, 25000, T2(9990) }, { 3, 10000, T3(9950) } },
	  CAP_HI(9997) },
	{ "SVC-STOR", "STOR", "storage", "存储与备份运维", "存储阵列、备份系统的监控、容量管理与恢复演练。",
	  "容量监控、备份作业检查与季度恢复演练", D_STOR, 3, 2,
	  { { 1, 45000, T1(9995) }, { 2, 28000, T2(9990) } }, CAP_HI(9998) },
	{ "SVC-APP", "APP", "middleware", "中间件与应用运维", "应用服务器、消息队列与中间件的运行维护。",
	  "应用发布配合、中间件调优与日志巡检", D_APP, -1, 2,
	  { { 2, 22000, T2(9990) }, { 3, 9000, T3(9950) } }, CAP_MID(9995) },
	{ "SVC-SEC", "SEC", "security", "安全运维", "安全设备运维、漏洞扫描与安全事件处置。",
	  "安全事件监测、月度漏洞扫描与策略审核", D_SEC, 4, 2,
	  { { 1, 60000, T1(9990) }, { 2, 35000, T2(9950) } }, CAP_HI(9995) },
	{ "SVC-CLOUD", "CLOUD", "cloud", "云平台运维", "私有云平台的资源管理、监控与故障处理。",
	  "资源配额管理、平台监控与故障处理", D_CLOUD, 5, 3,
	  { { 1, 55000, T1(9995) }, { 2, 32000, T2(9990) }, { 3, 15000, T3(9950) } },
	  CAP_HI(9997) },
};
/* clang-format on */
#define NSVC ((int)NELEM(services))

/* Supporting targets, derived from an offer so that they are at least as strict as any SLA that
 * takes it: OLAs answer in 2/3 of the time and resolve in 3/4; contracts answer in 2/3 and
 * resolve in half. Availability: the unavailability budget is split 2/5 to the OLA and 1/5 to
 * the contract, so the product stays above the SLA target. */
static struct targets ola_targets(const struct targets *t)
{
	struct targets o = *t;
	o.avail = 10000 - (10000 - t->avail) * 2 / 5;
	for (int p = 0; p < NPRIO; p++) {
		o.resp[p] = t->resp[p] * 2 / 3;
		o.res[p] = t->res[p] * 3 / 4;
	}
	return o;
}

static struct targets contract_targets(const struct targets *t)
{
	struct targets o = *t;
	o.avail = 10000 - (10000 - t->avail) / 5;
	for (int p = 0; p < NPRIO; p++) {
		o.resp[p] = t->resp[p] * 2 / 3;
		o.res[p] = t->res[p] / 2;
	}
	return o;
}

/* ------------------------------------------------------------------------------------------ */
/* People                                                                                     */

/* clang-format off */
static const char *const surnames[] = { "李", "王", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
					 "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
					 "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧" };
static const char *const given[] = { "明", "强", "婷", "伟", "刚", "芳", "丽", "磊", "洋", "静",
				      "军", "敏", "杰", "娟", "涛", "超", "霞", "平", "鹏", "华",
				      "飞", "勇", "艳", "晓", "斌", "红", "波", "琳", "峰", "雪",
				      "志远", "文博", "思琪", "海涛", "建国", "雨萱", "子涵", "嘉怡" };
/* clang-format on */

struct person {
	char id[16];
	char name[16];
	int dept;
	const char *roles;
};

enum { POOL_SLM, POOL_OWNER, POOL_SALES, POOL_ADMIN, POOL_SUPMGR, NPOOL };

struct org {
	struct person *people;
	int npeople;
	int *pool[NPOOL];
	int npool[NPOOL];
	int head[NDEPT];   /* the person heading each department */
	int *staff[NDEPT]; /* ops-staff per operations department */
	int nstaff[NDEPT];
};

static void random_name(uint64_t *r, char *out, size_t n)
{
	snprintf(out, n, "%s%s", surnames[rnd(r, NELEM(surnames))], given[rnd(r, NELEM(given))]);
}

static int add_person(struct org *o, uint64_t *r, int dept, const char *roles)
{
	o->people = xrealloc(o->people, sizeof *o->people * (size_t)(o->npeople + 1));
	struct person *p = &o->people[o->npeople];
	snprintf(p->id, sizeof p->id, "P-%04d", o->npeople + 1);
	random_name(r, p->name, sizeof p->name);
	p->dept = dept;
	p->roles = roles;
	return o->npeople++;
}

static void pool_add(struct org *o, int pool, int person)
{
	o->pool[pool] = xrealloc(o->pool[pool], sizeof(int) * (size_t)(o->npool[pool] + 1));
	o->pool[pool][o->npool[pool]++] = person;
}

static void staff_add(struct org *o, int dept, int person)
{
	o->staff[dept] = xrealloc(o->staff[dept], sizeof(int) * (size_t)(o->nstaff[dept] + 1));
	o->staff[dept][o->nstaff[dept]++] = person;
}

/* A fixed-size staff, independent of the number of customers; roles as the seed assigns them. */
static void org_build(struct org *o, uint64_t seed)
{
	uint64_t r = rng_derive(seed, 0x0e9, 1);
	memset(o, 0, sizeof *o);
	o->head[D_EXEC] = add_person(o, &r, D_EXEC, "executive");
	o->head[D_OPS] = add_person(o, &r, D_OPS, "service-level-manager dept-head");
	pool_add(o, POOL_SLM, o->head[D_OPS]);
	for (int i = 0; i < 7; i++)
		pool_add(o, POOL_SLM, add_person(o, &r, D_OPS, "service-level-manager"));
	for (int i = 0; i < 16; i++) {
		int p = add_person(o, &r, D_OPS, "ops-owner ops-staff");
		pool_add(o, POOL_OWNER, p);
		staff_add(o, D_OPS, p);
	}
	for (int d = D_DBA; d <= D_CLOUD; d++) {
		o->head[d] = add_person(o, &r, d, d % 2 ? "dept-head" : "dept-head ops-staff");
		for (int i = 0; i < 4; i++)
			staff_add(o, d, add_person(o, &r, d, "ops-staff"));
	}
	o->head[D_BIZ] = add_person(o, &r, D_BIZ, "dept-head");
	for (int i = 0; i < 3; i++)
		pool_add(o, POOL_ADMIN, add_person(o, &r, D_BIZ, "contract-admin"));
	for (int i = 0; i < 3; i++)
		pool_add(o, POOL_SUPMGR, add_person(o, &r, D_BIZ, "supplier-manager"));
	o->head[D_SALES] = add_person(o, &r, D_SALES, "dept-head sales");
	pool_add(o, POOL_SALES, o->head[D_SALES]);
	for (int i = 0; i < 9; i++)
		pool_add(o, POOL_SALES, add_person(o, &r, D_SALES, "sales"));
	o->head[D_PROD] = add_person(o, &r, D_PROD, "dept-head");
}

static void org_free(struct org *o)
{
	free(o->people);
	for (int i = 0; i < NPOOL; i++)
		free(o->pool[i]);
	for (int i = 0; i < NDEPT; i++)
		free(o->staff[i]);
}

/* ------------------------------------------------------------------------------------------ */
/* Customers: a plan first (to size the repository), then the documents                      */

/* clang-format off */
static const char *const cities[] = { "江南", "华东", "滨海", "西湖", "东方", "长江", "中原", "北方",
				       "南山", "天府", "岭南", "黄河", "海峡", "金陵", "燕京", "楚天",
				       "三秦", "齐鲁", "闽江", "湘江", "珠江", "辽河", "松江", "太湖" };
static const char *const brands[] = { "恒信", "新悦", "华泰", "永安", "瑞丰", "众诚", "博源", "鼎盛",
				       "嘉禾", "和信", "天元", "宏远", "凯达", "君安", "广汇", "明珠" };
static const char *const sectors[] = { "商业银行", "证券股份有限公司", "人寿保险", "零售集团",
					"物流有限公司", "制造集团", "人民医院", "能源集团",
					"航空服务有限公司", "电力公司", "水务集团", "传媒集团",
					"教育集团", "汽车销售公司", "医药连锁", "城市燃气" };
/* clang-format on */

struct name {
	char s[96];
};

static struct name customer_name(uint64_t seed, int k)
{
	struct name n;
	uint64_t r = rng_derive(seed, 0xa3e, (uint64_t)k);
	const char *c = cities[rnd(&r, NELEM(cities))];
	const char *b = brands[rnd(&r, NELEM(brands))];
	snprintf(n.s, sizeof n.s, "%s%s%s", c, b, sectors[rnd(&r, NELEM(sectors))]);
	return n;
}

enum fault_kind {
	F_DUPLICATE_ID,
	F_UNRESOLVED_REF,
	F_HOURS_GAP,
	F_TARGET_WEAKER,
	F_BREACH,
	NFAULT
};
static const char *const fault_names[NFAULT] = {"duplicate-id", "unresolved-ref", "hours-gap",
                                                "target-weaker", "breach"};
#define BREACH_MONTH 4 /* reviewed, with a finding naming the breach, in the Q2 review */

struct cust {
	int nsvc;
	int svc[3];     /* index in services[] */
	int offer[3];   /* index in that service's offers */
	int omit_p2[3]; /* the base SLA leaves out the P2 targets of this service */
	int terminated; /* effective at the end of month term_month */
	int term_month;
	int amended; /* an additional SLA adds the P2 targets of service amend_svc */
	int amend_svc, amend_month;
	int ndocs;
	unsigned faults; /* bit per enum fault_kind */
	uint64_t rng;    /* state after planning: the documents draw from here on */
};

static int has_p2_offer(const struct offer *o)
{
	return o->t.resp[0] && o->t.resp[1];
}

static void cust_plan(struct cust *c, uint64_t seed, int k)
{
	uint64_t r = rng_derive(seed, 0xc05, (uint64_t)k);
	memset(c, 0, sizeof *c);
	int w = rnd(&r, 100);
	c->nsvc = w < 30 ? 1 : w < 75 ? 2 : 3;
	for (int i = 0; i < c->nsvc; i++) {
		int s, dup;
		do {
			s = rnd(&r, NSVC);
			dup = 0;
			for (int j = 0; j < i; j++)
				dup |= c->svc[j] == s;
		} while (dup);
		c->svc[i] = s;
		c->offer[i] = rnd(&r, services[s].noffers);
	}
	c->terminated = rnd(&r, 100) < 8;
	c->term_month = c->terminated ? 6 + rnd(&r, 5) : 12;
	if (!c->terminated && rnd(&r, 100) < 18) {
		for (int i = 0; i < c->nsvc; i++)
			if (has_p2_offer(&services[c->svc[i]].offers[c->offer[i]])) {
				c->amended = 1;
				c->amend_svc = i;
				c->omit_p2[i] = 1;
				c->amend_month = 4 + rnd(&r, 7);
				break;
			}
	}
	int nola = 0, ncon = 0;
	for (int i = 0; i < c->nsvc; i++) {
		nola++;
		ncon += services[c->svc[i]].supplier >= 0;
	}
	int nrev = 0;
	for (int q = 1; q <= 4; q++)
		nrev += 3 * q <= c->term_month;
	/* requirements, sla, [a1], olas, contracts, decomposition, proposal, initiation, reports,
	 * reviews, [termination] */
	c->ndocs = 2 + c->amended + nola + ncon + 3 + c->term_month + nrev + c->terminated;
	c->rng = r;
}

/* ------------------------------------------------------------------------------------------ */
/* Output                                                                                     */

struct fault {
	char *path;
	int line;
	const char *rule;
};

struct gen {
	const char *outdir;
	uint64_t seed;
	struct org org;
	struct cust *custs;
	int ncust;
	long docs, bytes;
	struct fault *faults;
	int nfaults;
	struct buf b;
};

static void mkdir_p(const char *path)
{
	char tmp[4096];
	if (strlen(path) >= sizeof tmp)
		die("%s: path too long", path);
	strcpy(tmp, path);
	for (char *p = tmp + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = 0;
		if (mkdir(tmp, 0777) && errno != EEXIST)
			die("%s: cannot create directory: %s", tmp, strerror(errno));
		*p = '/';
	}
	if (mkdir(tmp, 0777) && errno != EEXIST)
		die("%s: cannot create directory: %s", tmp, strerror(errno));
}

static void write_file(struct gen *g, const char *rel, const char *data, size_t len)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", g->outdir, rel);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	if (fd < 0)
		die("%s: cannot create: %s", path, strerror(errno));
	size_t off = 0;
	while (off < len) {
		ssize_t n = write(fd, data + off, len - off);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			die("%s: write failed: %s", path, strerror(errno));
		}
		off += (size_t)n;
	}
	if (close(fd))
		die("%s: close failed: %s", path, strerror(errno));
	g->bytes += (long)len;
}

/* Writes the document in g->b to DIR/NAME and starts a new one. */
static void emit(struct gen *g, const char *rel)
{
	write_file(g, rel, g->b.p, g->b.len);
	g->docs++;
	g->b.len = 0;
}

static void add_fault(struct gen *g, const char *rel, int line, enum fault_kind k)
{
	g->faults = xrealloc(g->faults, sizeof *g->faults * (size_t)(g->nfaults + 1));
	size_t n = strlen(rel) + 1;
	g->faults[g->nfaults].path = memcpy(xrealloc(NULL, n), rel, n);
	g->faults[g->nfaults].line = line;
	g->faults[g->nfaults].rule = fault_names[k];
	g->nfaults++;
}

static void head(struct gen *g)
{
	bprintf(&g->b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
}

static const struct person *P(const struct gen *g, int i)
{
	return &g->org.people[i];
}

static void write_org(struct gen *g)
{
	struct buf *b = &g->b;
	head(g);
	bprintf(b, "<organization xmlns=\"urn:slm:1\" id=\"ORG\" name=\"华信运维科技有限公司\">\n");
	for (int d = 0; d < NDEPT; d++) {
		if (depts[d].parent)
			bprintf(b, "  <department id=\"%s\" name=\"%s\" parent=\"%s\"/>\n",
			        depts[d].id, depts[d].name, depts[d].parent);
		else
			bprintf(b, "  <department id=\"%s\" name=\"%s\"/>\n", depts[d].id,
			        depts[d].name);
	}
	for (int i = 0; i < g->org.npeople; i++) {
		const struct person *p = P(g, i);
		bprintf(b, "  <person id=\"%s\" name=\"%s\" dept=\"%s\" roles=\"%s\"/>\n", p->id,
		        p->name, depts[p->dept].id, p->roles);
	}
	for (int k = 1; k <= g->ncust; k++)
		bprintf(b, "  <customer id=\"CUST-%05d\" name=\"%s\"/>\n", k,
		        customer_name(g->seed, k).s);
	for (size_t i = 0; i < NELEM(suppliers); i++)
		bprintf(b, "  <supplier id=\"%s\" name=\"%s\"/>\n", suppliers[i].id,
		        suppliers[i].name);
	bprintf(b, "  <calendar id=\"CN\" tz=\"Asia/Shanghai\">\n");
	bprintf(b, "    <holiday from=\"2025-01-01\" to=\"2025-01-01\" name=\"元旦\"/>\n"
	           "    <holiday from=\"2025-01-28\" to=\"2025-02-04\" name=\"春节\"/>\n"
	           "    <workday date=\"2025-01-26\"/>\n"
	           "    <workday date=\"2025-02-08\"/>\n"
	           "    <holiday from=\"2025-04-04\" to=\"2025-04-06\" name=\"清明节\"/>\n"
	           "    <holiday from=\"2025-05-01\" to=\"2025-05-05\" name=\"劳动节\"/>\n"
	           "    <workday date=\"2025-04-27\"/>\n"
	           "    <holiday from=\"2025-05-31\" to=\"2025-06-02\" name=\"端午节\"/>\n"
	           "    <holiday from=\"2025-10-01\" to=\"2025-10-08\" name=\"国庆节、中秋节\"/>\n"
	           "    <workday date=\"2025-09-28\"/>\n"
	           "    <workday date=\"2025-10-11\"/>\n");
	/* the next year's, as published: terms run into 2026 (calendar-unpublished) */
	bprintf(b, "    <holiday from=\"2026-01-01\" to=\"2026-01-03\" name=\"元旦\"/>\n"
	           "    <workday date=\"2026-01-04\"/>\n"
	           "    <holiday from=\"2026-02-15\" to=\"2026-02-23\" name=\"春节\"/>\n"
	           "    <workday date=\"2026-02-14\"/>\n"
	           "    <workday date=\"2026-02-28\"/>\n"
	           "    <holiday from=\"2026-04-04\" to=\"2026-04-06\" name=\"清明节\"/>\n"
	           "    <holiday from=\"2026-05-01\" to=\"2026-05-05\" name=\"劳动节\"/>\n"
	           "    <workday date=\"2026-05-09\"/>\n"
	           "    <holiday from=\"2026-06-19\" to=\"2026-06-21\" name=\"端午节\"/>\n"
	           "    <holiday from=\"2026-09-25\" to=\"2026-09-27\" name=\"中秋节\"/>\n"
	           "    <workday date=\"2026-09-20\"/>\n"
	           "    <holiday from=\"2026-10-01\" to=\"2026-10-07\" name=\"国庆节\"/>\n"
	           "    <workday date=\"2026-10-10\"/>\n");
	bprintf(b, "  </calendar>\n</organization>\n");
	emit(g, "org/organization.xml");
}

static void hours_el(struct buf *b, const struct hours *h, int from, int to)
{
	bprintf(b, "<hours days=\"%s\" from=\"%s\" to=\"%s\"%s/>", h->days, hhmm(from).s,
	        hhmm(to).s, h->workdays_only ? " workdays=\"only\"" : "");
}

/* One `<response/><resolution/>` line per priority that has a target; returns the line of the
 * first priority written. */
static int targets_el(struct buf *b, const char *indent, const struct targets *t, int with_p2)
{
	int first = 0;
	for (int p = 0; p < NPRIO; p++) {
		if (!t->resp[p] || (p == 1 && !with_p2))
			continue;
		if (!first)
			first = buf_line(b);
		bprintf(b,
		        "%s<response priority=\"P%d\" within=\"%s\"/><resolution priority=\"P%d\" "
		        "within=\"%s\"/>\n",
		        indent, p + 1, dur(t->resp[p]).s, p + 1, dur(t->res[p]).s);
	}
	return first;
}

static void write_catalog(struct gen *g)
{
	struct buf *b = &g->b;
	head(g);
	bprintf(b, "<catalog xmlns=\"urn:slm:1\" id=\"CAT\" version=\"2025.1\" currency=\"CNY\" "
	           "calendar=\"CN\">\n");
	for (int t = 1; t <= 3; t++) {
		bprintf(b, "  <tier level=\"%d\" name=\"%s\" onsite=\"true\">", t, tier_name[t]);
		hours_el(b, &tier_hours[t], tier_hours[t].from, tier_hours[t].to);
		bprintf(b, "</tier>\n");
	}
	for (int s = 0; s < NSVC; s++) {
		const struct service *sv = &services[s];
		bprintf(b, "  <service id=\"%s\" category=\"%s\">\n", sv->id, sv->category);
		bprintf(b, "    <name>%s</name>\n    <description>%s</description>\n", sv->name,
		        sv->desc);
		bprintf(b, "    <component dept=\"%s\"/>\n", depts[sv->dept].id);
		if (sv->supplier >= 0)
			bprintf(b, "    <component supplier=\"%s\"/>\n",
			        suppliers[sv->supplier].id);
		for (int o = 0; o < sv->noffers; o++) {
			const struct offer *of = &sv->offers[o];
			bprintf(b, "    <offer tier=\"%d\" price=\"%d\" per=\"P1M\">\n", of->tier,
			        of->price);
			bprintf(b, "      <availability target=\"%s\"/>\n", pct(of->t.avail).s);
			targets_el(b, "      ", &of->t, 1);
			bprintf(b, "    </offer>\n");
		}
		bprintf(b, "    <capability availability=\"%s\">\n", pct(sv->cap.avail).s);
		targets_el(b, "      ", &sv->cap, 1);
		bprintf(b, "    </capability>\n  </service>\n");
	}
	bprintf(b, "</catalog>\n");
	emit(g, "catalog/catalog.xml");
}

/* Everything one customer's documents share: ids, people, dates. */
struct ctx {
	struct gen *g;
	const struct cust *c;
	uint64_t *r;
	int k;
	char key[16];     /* C00001 */
	char cust_id[16]; /* CUST-00001 */
	char dir[32];     /* cust-00001 */
	char sla[32], req[32], dec[32], prop[32], init[32], a1[40];
	char contact[16]; /* the customer's signatory */
	int slm, owner, sales, admin, supmgr;
	long req_date, eval_date, sla_sign, dec_date, ola_sign, con_sign, prop_date, init_date,
	    appr_date, term_start, term_end, a1_eff, a1_sign, effective;
	int charges, budget;
	int sla_num;
};

static const struct offer *ctx_offer(const struct ctx *x, int i)
{
	return &services[x->c->svc[i]].offers[x->c->offer[i]];
}

static int pick(struct ctx *x, int pool)
{
	return x->g->org.pool[pool][rnd(x->r, x->g->org.npool[pool])];
}

static void ola_id(const struct ctx *x, int i, char *out, size_t n)
{
	const struct service *sv = &services[x->c->svc[i]];
	snprintf(out, n, "OLA-%s-%s", depts[sv->dept].id + 5, x->key);
}

static void con_id(const struct ctx *x, int i, char *out, size_t n)
{
	const struct service *sv = &services[x->c->svc[i]];
	snprintf(out, n, "CON-%s-%s", suppliers[sv->supplier].id + 4, x->key);
}

static void lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

static void ctx_init(struct ctx *x, struct gen *g, const struct cust *c, int k)
{
	memset(x, 0, sizeof *x);
	x->g = g;
	x->c = c;
	x->r = &((struct cust *)c)->rng;
	x->k = k;
	snprintf(x->key, sizeof x->key, "C%05d", k);
	snprintf(x->cust_id, sizeof x->cust_id, "CUST-%05d", k);
	snprintf(x->dir, sizeof x->dir, "cust-%05d", k);
	snprintf(x->sla, sizeof x->sla, "SLA-%s-2025", x->key);
	snprintf(x->a1, sizeof x->a1, "SLA-%s-2025-A1", x->key);
	snprintf(x->req, sizeof x->req, "REQ-%s-2025", x->key);
	snprintf(x->dec, sizeof x->dec, "DEC-%s-2025", x->key);
	snprintf(x->prop, sizeof x->prop, "PROP-%s-2025", x->key);
	snprintf(x->init, sizeof x->init, "INIT-%s-2025", x->key);
	random_name(x->r, x->contact, sizeof x->contact);
	x->slm = pick(x, POOL_SLM);
	x->owner = pick(x, POOL_OWNER);
	x->sales = pick(x, POOL_SALES);
	x->admin = pick(x, POOL_ADMIN);
	x->supmgr = pick(x, POOL_SUPMGR);
	/* The seed's order: requirements, evaluation, SLA signed, decomposition, OLAs and supplier
	 * contracts, proposal, initiation, approval; all before the term starts. */
	x->req_date = day_of(2024, 10, 8) + rnd(x->r, 40);
	x->eval_date = x->req_date + 5 + rnd(x->r, 10);
	x->sla_sign = day_of(2024, 12, 9) + rnd(x->r, 8);
	x->dec_date = x->sla_sign + 1 + rnd(x->r, 2);
	x->ola_sign = x->dec_date + 1 + rnd(x->r, 2);
	x->con_sign = x->dec_date + 1 + rnd(x->r, 3);
	x->prop_date = (x->ola_sign > x->con_sign ? x->ola_sign : x->con_sign) + 1;
	x->init_date = x->prop_date + 1;
	x->appr_date = x->init_date + 1 + rnd(x->r, 2);
	x->term_start = day_of(2025, 1, 1);
	x->term_end = c->terminated ? day_of(2025, 12, 31) : day_of(2026, 12, 31);
	if (c->amended) {
		x->a1_eff = day_of(2025, c->amend_month, 1);
		x->a1_sign = x->a1_eff - 5 - rnd(x->r, 10);
	}
	if (c->terminated)
		x->effective = day_of(2025, c->term_month, month_len(2025, c->term_month));
	for (int i = 0; i < c->nsvc; i++)
		x->charges += ctx_offer(x, i)->price;
	int months = c->terminated ? 12 : 24;
	x->budget = (x->charges * months / 2 + 9999) / 10000 * 10000;
	x->sla_num = 100 + k;
}

static void path_of(const struct ctx *x, char *out, size_t n, const char *name)
{
	snprintf(out, n, "%s/%s", x->dir, name);
}

static void emit_ctx(struct ctx *x, const char *name)
{
	char rel[128];
	path_of(x, rel, sizeof rel, name);
	emit(x->g, rel);
}

static void write_requirements(struct ctx *x)
{
	struct buf *b = &x->g->b;
	head(x->g);
	bprintf(b,
	        "<requirements xmlns=\"urn:slm:1\" id=\"%s\" customer=\"%s\" status=\"final\" "
	        "person=\"%s\" date=\"%s\">\n",
	        x->req, x->cust_id, P(x->g, x->sales)->id, ds(x->req_date).s);
	for (int i = 0; i < x->c->nsvc; i++)
		bprintf(b, "  <service ref=\"%s\" tier=\"%d\"/>\n", services[x->c->svc[i]].id,
		        ctx_offer(x, i)->tier);
	bprintf(b,
	        "  <evaluation person=\"%s\" date=\"%s\" "
	        "decision=\"accept\">系统现状已评估，承接此业务。</evaluation>\n",
	        P(x->g, x->slm)->id, ds(x->eval_date).s);
	bprintf(b, "</requirements>\n");
	emit_ctx(x, "requirements.xml");
}

static void sla_service(struct ctx *x, int i, int with_p2)
{
	struct buf *b = &x->g->b;
	const struct offer *of = ctx_offer(x, i);
	bprintf(b, "  <service ref=\"%s\" tier=\"%d\">\n", services[x->c->svc[i]].id, of->tier);
	bprintf(b, "    <availability target=\"%s\"/>\n", pct(of->t.avail).s);
	targets_el(b, "    ", &of->t, with_p2);
	bprintf(b, "  </service>\n");
}

static void write_sla(struct ctx *x)
{
	struct buf *b = &x->g->b;
	const struct cust *c = x->c;
	head(x->g);
	bprintf(b,
	        "<sla xmlns=\"urn:slm:1\" id=\"%s\" version=\"1\" status=\"signed\" "
	        "customer=\"%s\" requirements=\"%s\" catalog=\"CAT\" calendar=\"CN\">\n",
	        x->sla, x->cust_id, x->req);
	bprintf(b, "  <title>%s", customer_name(x->g->seed, x->k).s);
	for (int i = 0; i < c->nsvc; i++)
		bprintf(b, "%s%s", i ? "、" : "", services[c->svc[i]].name);
	bprintf(b, "服务级别协议</title>\n");
	bprintf(b, "  <sales-contract number=\"HT-2025-%04d\"/>\n", x->sla_num);
	bprintf(b, "  <term start=\"%s\" end=\"%s\" notice=\"P1M\"/>\n", ds(x->term_start).s,
	        ds(x->term_end).s);
	for (int i = 0; i < c->nsvc; i++)
		sla_service(x, i, !c->omit_p2[i]);
	bprintf(b, "  <reporting every=\"P1M\"/>\n  <review every=\"P3M\"/>\n");
	bprintf(b, "  <charges currency=\"CNY\" amount=\"%d\" per=\"P1M\"/>\n", x->charges);
	for (int i = 0; i < c->nsvc; i++)
		if (ctx_offer(x, i)->tier == 1)
			bprintf(b, "  <credit service=\"%s\" below=\"%s\" percent=\"5\"/>\n",
			        services[c->svc[i]].id, pct(ctx_offer(x, i)->t.avail).s);
	bprintf(b, "  <signature party=\"%s\" name=\"%s\" date=\"%s\"/>\n", x->cust_id, x->contact,
	        ds(x->sla_sign).s);
	bprintf(b, "  <signature party=\"ORG\" person=\"%s\" date=\"%s\"/>\n", P(x->g, x->slm)->id,
	        ds(x->sla_sign).s);
	bprintf(b, "</sla>\n");
	emit_ctx(x, "sla.xml");
}

static void write_amendment(struct ctx *x)
{
	struct buf *b = &x->g->b;
	int i = x->c->amend_svc;
	head(x->g);
	bprintf(b,
	        "<sla xmlns=\"urn:slm:1\" id=\"%s\" version=\"1\" status=\"signed\" "
	        "customer=\"%s\" amends=\"%s\" effective=\"%s\" catalog=\"CAT\" calendar=\"CN\">\n",
	        x->a1, x->cust_id, x->sla, ds(x->a1_eff).s);
	bprintf(b, "  <title>附加服务级别协议：%s增加 P2 级目标</title>\n",
	        services[x->c->svc[i]].name);
	sla_service(x, i, 1);
	bprintf(b, "  <signature party=\"%s\" name=\"%s\" date=\"%s\"/>\n", x->cust_id, x->contact,
	        ds(x->a1_sign).s);
	bprintf(b, "  <signature party=\"ORG\" person=\"%s\" date=\"%s\"/>\n", P(x->g, x->slm)->id,
	        ds(x->a1_sign).s);
	bprintf(b, "</sla>\n");
	emit_ctx(x, "sla-a1.xml");
}

/* The hours a supporting agreement keeps for a tier: a margin around the tier's window. */
static void support_hours(const struct hours *t, int contract, int *from, int *to)
{
	if (t->from == 0 && t->to == 1440) {
		*from = 0, *to = 1440;
	} else if (contract && !t->workdays_only) {
		*from = 0, *to = 1440;
	} else {
		*from = t->from - (contract ? 60 : 30);
		*to = t->to + (contract ? 60 : 30);
	}
}

static void write_ola(struct ctx *x, int i)
{
	struct buf *b = &x->g->b;
	const struct cust *c = x->c;
	const struct service *sv = &services[c->svc[i]];
	const struct offer *of = ctx_offer(x, i);
	const struct hours *th = &tier_hours[of->tier];
	char id[48], name[48], rel[128];
	ola_id(x, i, id, sizeof id);
	snprintf(name, sizeof name, "ola-%s.xml", depts[sv->dept].id + 5);
	lower(name);
	path_of(x, rel, sizeof rel, name);

	head(x->g);
	bprintf(
	    b,
	    "<ola xmlns=\"urn:slm:1\" id=\"%s\" status=\"signed\" dept=\"%s\" calendar=\"CN\">\n",
	    id, depts[sv->dept].id);
	bprintf(b, "  <supports sla=\"%s\" service=\"%s\"/>\n", x->sla, sv->id);
	bprintf(b, "  <term start=\"%s\" end=\"%s\"/>\n", ds(x->term_start).s, ds(x->term_end).s);
	int from, to;
	support_hours(th, 0, &from, &to);
	if (c->faults & (1u << F_HOURS_GAP) && i == 0) {
		/* The OLA starts an hour after the tier does. */
		from = th->from + 60;
		add_fault(x->g, rel, buf_line(b), F_HOURS_GAP);
	}
	bprintf(b, "  ");
	hours_el(b, th, from, to);
	bprintf(b, "\n");
	struct targets t = ola_targets(&of->t);
	bprintf(b, "  <availability target=\"%s\"/>\n", pct(t.avail).s);
	if (c->faults & (1u << F_TARGET_WEAKER) && i == 0) {
		/* The first priority's resolution an hour longer than the SLA's. */
		int p = of->t.resp[0] ? 0 : 1;
		t.res[p] = of->t.res[p] + 60;
		add_fault(x->g, rel, targets_el(b, "  ", &t, 1), F_TARGET_WEAKER);
	} else {
		targets_el(b, "  ", &t, 1);
	}
	int signer = sv->dept == D_OPS ? x->owner : x->g->org.head[sv->dept];
	bprintf(b, "  <signature person=\"%s\" date=\"%s\"/>\n", P(x->g, signer)->id,
	        ds(x->ola_sign).s);
	bprintf(b, "  <signature person=\"%s\" date=\"%s\"/>\n", P(x->g, x->slm)->id,
	        ds(x->ola_sign).s);
	bprintf(b, "</ola>\n");
	emit(x->g, rel);
}

static void write_contract(struct ctx *x, int i)
{
	struct buf *b = &x->g->b;
	const struct service *sv = &services[x->c->svc[i]];
	const struct supplier *su = &suppliers[sv->supplier];
	const struct offer *of = ctx_offer(x, i);
	char id[48], name[48], sig[16];
	con_id(x, i, id, sizeof id);
	snprintf(name, sizeof name, "contract-%s.xml", su->code);
	random_name(x->r, sig, sizeof sig);

	head(x->g);
	bprintf(b,
	        "<contract xmlns=\"urn:slm:1\" id=\"%s\" status=\"signed\" supplier=\"%s\" "
	        "manager=\"%s\" calendar=\"CN\">\n",
	        id, su->id, P(x->g, x->supmgr)->id);
	bprintf(b, "  <supports sla=\"%s\" service=\"%s\"/>\n", x->sla, sv->id);
	bprintf(b, "  <term start=\"%s\" end=\"%s\"/>\n", ds(x->term_start).s, ds(x->term_end).s);
	int from, to;
	const struct hours *th = &tier_hours[of->tier];
	support_hours(th, 1, &from, &to);
	bprintf(b, "  ");
	if (from == 0 && to == 1440)
		bprintf(b, "<hours days=\"mon-sun\" from=\"00:00\" to=\"24:00\"/>");
	else
		hours_el(b, th, from, to);
	bprintf(b, "\n");
	struct targets t = contract_targets(&of->t);
	bprintf(b, "  <availability target=\"%s\"/>\n", pct(t.avail).s);
	targets_el(b, "  ", &t, 1);
	bprintf(b, "  <cost currency=\"CNY\" amount=\"%d\" per=\"P1M\"/>\n",
	        of->price * 3 / 10 / 500 * 500);
	bprintf(b, "  <signature party=\"%s\" name=\"%s\" date=\"%s\"/>\n", su->id, sig,
	        ds(x->con_sign).s);
	bprintf(b, "  <signature party=\"ORG\" person=\"%s\" date=\"%s\"/>\n",
	        P(x->g, x->supmgr)->id, ds(x->con_sign).s);
	bprintf(b, "</contract>\n");
	emit_ctx(x, name);
}

static void write_decomposition(struct ctx *x)
{
	struct buf *b = &x->g->b;
	head(x->g);
	bprintf(
	    b,
	    "<decomposition xmlns=\"urn:slm:1\" id=\"%s\" sla=\"%s\" person=\"%s\" date=\"%s\">\n",
	    x->dec, x->sla, P(x->g, x->admin)->id, ds(x->dec_date).s);
	for (int i = 0; i < x->c->nsvc; i++) {
		const struct service *sv = &services[x->c->svc[i]];
		bprintf(b,
		        "  <clause number=\"4.%d\" service=\"%s\" dept=\"%s\">%s %s%s</clause>\n",
		        i + 1, sv->id, depts[sv->dept].id, tier_phrase[ctx_offer(x, i)->tier],
		        sv->name, "服务");
	}
	bprintf(b, "  <clause number=\"6.1\" dept=\"DEPT-OPS\">月度服务报告与季度回顾</clause>\n");
	bprintf(b, "</decomposition>\n");
	emit_ctx(x, "decomposition.xml");
}

/* The ops-staff member who serves service i of this customer. */
static int staff_of(struct ctx *x, int i)
{
	const struct service *sv = &services[x->c->svc[i]];
	if (sv->dept == D_OPS)
		return x->owner;
	const struct org *o = &x->g->org;
	return o->staff[sv->dept][(x->k + i) % o->nstaff[sv->dept]];
}

static void write_proposal(struct ctx *x)
{
	struct buf *b = &x->g->b;
	const struct cust *c = x->c;
	char id[48];
	head(x->g);
	bprintf(b,
	        "<proposal xmlns=\"urn:slm:1\" id=\"%s\" sla=\"%s\" decomposition=\"%s\" "
	        "owner=\"%s\" person=\"%s\" date=\"%s\">\n",
	        x->prop, x->sla, x->dec, P(x->g, x->owner)->id, P(x->g, x->slm)->id,
	        ds(x->prop_date).s);
	bprintf(b, "  <title>%s运维项目建议书</title>\n", customer_name(x->g->seed, x->k).s);
	for (int i = 0; i < c->nsvc; i++) {
		const struct service *sv = &services[c->svc[i]];
		bprintf(b,
		        "  <service ref=\"%s\">\n    <plan>%s 服务：%s。</plan>\n    <staff "
		        "person=\"%s\"/>\n  </service>\n",
		        sv->id, tier_phrase[ctx_offer(x, i)->tier], sv->plan,
		        P(x->g, staff_of(x, i))->id);
	}
	for (int i = 0; i < c->nsvc; i++) {
		ola_id(x, i, id, sizeof id);
		bprintf(b, "  <ola ref=\"%s\"/>\n", id);
	}
	if (c->faults & (1u << F_UNRESOLVED_REF)) {
		/* An OLA that was never written (or was deleted): the reference resolves to
		 * nothing. */
		char rel[128];
		path_of(x, rel, sizeof rel, "proposal.xml");
		add_fault(x->g, rel, buf_line(b), F_UNRESOLVED_REF);
		bprintf(b, "  <ola ref=\"OLA-RETIRED-%s\"/>\n", x->key);
	}
	for (int i = 0; i < c->nsvc; i++)
		if (services[c->svc[i]].supplier >= 0) {
			con_id(x, i, id, sizeof id);
			bprintf(b, "  <contract ref=\"%s\"/>\n", id);
		}
	bprintf(b,
	        "  <resource kind=\"infrastructure\" id=\"RES-%s-MON\" name=\"监控平台租户\"/>\n",
	        x->key);
	bprintf(b,
	        "  <resource kind=\"staff\" id=\"RES-%s-ONSITE\" person=\"%s\" "
	        "name=\"驻场运维工程师\"/>\n",
	        x->key, P(x->g, staff_of(x, 0))->id);
	bprintf(b, "  <budget currency=\"CNY\" amount=\"%d\"/>\n", x->budget);
	bprintf(b, "</proposal>\n");
	emit_ctx(x, "proposal.xml");
}

static void write_initiation(struct ctx *x)
{
	struct buf *b = &x->g->b;
	char id[48];
	head(x->g);
	bprintf(b,
	        "<initiation xmlns=\"urn:slm:1\" id=\"%s\" proposal=\"%s\" person=\"%s\" "
	        "date=\"%s\" status=\"approved\">\n",
	        x->init, x->prop, P(x->g, x->owner)->id, ds(x->init_date).s);
	for (int i = 0; i < x->c->nsvc; i++) {
		ola_id(x, i, id, sizeof id);
		bprintf(b, "  <ola ref=\"%s\"/>\n", id);
	}
	bprintf(b, "  <approval person=\"%s\" date=\"%s\"/>\n", P(x->g, x->slm)->id,
	        ds(x->appr_date).s);
	bprintf(b, "</initiation>\n");
	emit_ctx(x, "initiation.xml");
}

/* An incident on service i in month m, answered and resolved within half the targets on the wall
 * clock: the SLA clock only pauses, so it is within target there too. */
static void incident(struct ctx *x, int i, int m)
{
	struct buf *b = &x->g->b;
	const struct service *sv = &services[x->c->svc[i]];
	const struct offer *of = ctx_offer(x, i);
	int p = of->t.resp[0] ? 0 : 1;
	long day;
	int tries = 0;
	do
		day = day_of(2025, m, 1 + rnd(x->r, 27));
	while (of->tier == 3 && !is_plain_workday(day) && ++tries < 100);
	int open;
	if (of->tier == 1)
		open = rnd(x->r, 1440);
	else if (of->tier == 2)
		open = 480 + rnd(x->r, 690);
	else
		open = 540 + rnd(x->r, 420);
	int resp = open + 1 + rnd(x->r, of->t.resp[p] / 2);
	int resolved = resp + 1 + rnd(x->r, of->t.res[p] / 2);
	int yy, mm, dd;
	civil(day, &yy, &mm, &dd);
	bprintf(
	    b,
	    "  <incident id=\"INC-%s-%02d%02d-%s\" service=\"%s\" priority=\"P%d\" opened=\"%s\"",
	    x->key, mm, dd, sv->code, sv->id, p + 1, instant(day, open).s);
	bprintf(b, " responded=\"%s\"", instant(day, resp).s);
	bprintf(b, " resolved=\"%s\"/>\n", instant(day, resolved).s);
}

/* Report for month m. A duplicate-id fault copies the February report, kept free of incidents
 * so that only its root id is duplicated. */
static void write_report(struct ctx *x, int m)
{
	struct buf *b = &x->g->b;
	const struct cust *c = x->c;
	long from = day_of(2025, m, 1), to = day_of(2025, m, month_len(2025, m));
	char id[48], name[64];
	snprintf(id, sizeof id, "RPT-%s-2025-%02d", x->key, m);
	head(x->g);
	bprintf(b,
	        "<report xmlns=\"urn:slm:1\" id=\"%s\" sla=\"%s\" from=\"%s\" to=\"%s\" "
	        "person=\"%s\" date=\"%s\">\n",
	        id, x->sla, ds(from).s, ds(to).s, P(x->g, x->slm)->id, ds(to + 3 + rnd(x->r, 6)).s);
	for (int i = 0; i < c->nsvc; i++) {
		const struct offer *of = ctx_offer(x, i);
		int room = 10000 - of->t.avail - 1;
		int step = room >= 40 ? 10 : 1;
		int got = of->t.avail + step * (1 + rnd(x->r, room / step));
		if (c->faults & (1u << F_BREACH) && m == BREACH_MONTH && i == 0) {
			/* Measured below the target; the next review records it as a finding. */
			int miss = (10000 - of->t.avail) / 2;
			got = of->t.avail - (miss < 5 ? 5 : miss);
			char rel[128];
			snprintf(name, sizeof name, "reports/2025-%02d.xml", m);
			path_of(x, rel, sizeof rel, name);
			add_fault(x->g, rel, buf_line(b), F_BREACH);
		}
		bprintf(b, "  <measure service=\"%s\" availability=\"%s\"/>\n",
		        services[c->svc[i]].id, pct(got).s);
	}
	int dup = c->faults & (1u << F_DUPLICATE_ID) && m == 2;
	for (int i = 0; i < c->nsvc; i++)
		if (rnd(x->r, 100) < 22 && !dup)
			incident(x, i, m);
	bprintf(b, "  <satisfaction score=\"4.%d\" scale=\"5\"/>\n", rnd(x->r, 10));
	bprintf(b, "</report>\n");
	if (dup) {
		/* A copy that kept the id: the copy sorts after the original in its folder. */
		char rel[128];
		snprintf(name, sizeof name, "reports/dup-2025-%02d.xml", m);
		path_of(x, rel, sizeof rel, name);
		write_file(x->g, rel, b->p, b->len);
		x->g->docs++;
		add_fault(x->g, rel, 2, F_DUPLICATE_ID);
	}
	snprintf(name, sizeof name, "reports/2025-%02d.xml", m);
	emit_ctx(x, name);
}

/* The quarter's review: late in its last month, on a working day, and less than the review
 * cadence (P3M) after the previous review, so review-overdue never has a case. */
static long review_date(uint64_t *r, int q, long prev)
{
	long z = day_of(2025, 3 * q, 24 + rnd(r, 5));
	if (prev) {
		int y, m, d;
		civil(prev, &y, &m, &d);
		long limit = day_of(y, m + 3, d) - 1;
		if (z > limit)
			z = limit;
	}
	while (!is_plain_workday(z))
		z--;
	return z;
}

static void write_review(struct ctx *x, int q, long date)
{
	struct buf *b = &x->g->b;
	head(x->g);
	bprintf(b,
	        "<review xmlns=\"urn:slm:1\" id=\"REV-%s-2025-Q%d\" sla=\"%s\" date=\"%s\" "
	        "person=\"%s\">\n",
	        x->key, q, x->sla, ds(date).s, P(x->g, x->slm)->id);
	int first = q == 1 ? 1 : 3 * q - 3, last = 3 * q - 1;
	for (int m = first; m <= last; m++)
		bprintf(b, "  <reviewed report=\"RPT-%s-2025-%02d\"/>\n", x->key, m);
	bprintf(b, "  <attendee person=\"%s\"/>\n  <attendee person=\"%s\"/>\n",
	        P(x->g, x->slm)->id, P(x->g, x->owner)->id);
	bprintf(b, "  <attendee customer=\"%s\" name=\"%s\"/>\n", x->cust_id, x->contact);
	int breach = x->c->faults & (1u << F_BREACH) && BREACH_MONTH / 3 + 1 == q;
	if (breach) {
		bprintf(b,
		        "  <finding id=\"F-%s-Q%d-1\" report=\"RPT-%s-2025-%02d\" "
		        "service=\"%s\">%s可用性未达标，已分析原因。</finding>\n",
		        x->key, q, x->key, BREACH_MONTH, services[x->c->svc[0]].id,
		        services[x->c->svc[0]].name);
	} else {
		bprintf(b, "  <finding id=\"F-%s-Q%d-1\">服务指标均达标，客户满意。</finding>\n",
		        x->key, q);
	}
	bprintf(b, "  <satisfaction score=\"4.%d\" scale=\"5\"/>\n", rnd(x->r, 10));
	static const char *const actions[] = {"补充备份恢复演练", "更新应急预案",
	                                      "完善监控告警阈值", "开展容量评估",
	                                      "优化变更审批流程", "组织客户满意度回访"};
	long due = date + 45 + rnd(x->r, 30);
	long closed = due - 1 - rnd(x->r, 20);
	if (closed <= date)
		closed = date + 1;
	bprintf(b,
	        "  <action id=\"A-%s-Q%d\" owner=\"%s\" due=\"%s\" status=\"closed\" closed=\"%s\"",
	        x->key, q, P(x->g, x->owner)->id, ds(due).s, ds(closed).s);
	if (breach)
		bprintf(b, " finding=\"F-%s-Q%d-1\"", x->key, q);
	bprintf(b, ">%s</action>\n", actions[rnd(x->r, NELEM(actions))]);
	bprintf(b, "</review>\n");
	char name[32];
	snprintf(name, sizeof name, "reviews/2025-Q%d.xml", q);
	emit_ctx(x, name);
}

static void write_termination(struct ctx *x)
{
	struct buf *b = &x->g->b;
	const struct cust *c = x->c;
	char id[48];
	long notice = x->effective - 40 - rnd(x->r, 10);
	long released = x->effective + 5 + rnd(x->r, 10);
	head(x->g);
	bprintf(b,
	        "<termination xmlns=\"urn:slm:1\" id=\"TERM-%s-2025\" sla=\"%s\" "
	        "initiator=\"customer\" effective=\"%s\" status=\"closed\">\n",
	        x->key, x->sla, ds(x->effective).s);
	bprintf(b, "  <reason>客户业务调整，提前终止运维服务。</reason>\n");
	bprintf(b, "  <notice date=\"%s\" person=\"%s\" confirm-within=\"10\"/>\n", ds(notice).s,
	        P(x->g, x->sales)->id);
	bprintf(b, "  <reply date=\"%s\" name=\"%s\"/>\n", ds(notice + 2 + rnd(x->r, 5)).s,
	        x->contact);
	bprintf(b,
	        "  <release kind=\"infrastructure\">\n    <item ref=\"RES-%s-MON\" released=\"%s\" "
	        "person=\"%s\"/>\n  </release>\n",
	        x->key, ds(released).s, P(x->g, x->owner)->id);
	bprintf(b,
	        "  <release kind=\"staff\">\n    <item ref=\"RES-%s-ONSITE\" released=\"%s\" "
	        "person=\"%s\"/>\n  </release>\n",
	        x->key, ds(released).s, P(x->g, x->owner)->id);
	int ncon = 0;
	for (int i = 0; i < c->nsvc; i++)
		ncon += services[c->svc[i]].supplier >= 0;
	if (ncon) {
		bprintf(b, "  <release kind=\"supplier\">\n");
		for (int i = 0; i < c->nsvc; i++)
			if (services[c->svc[i]].supplier >= 0) {
				con_id(x, i, id, sizeof id);
				bprintf(b, "    <item ref=\"%s\" released=\"%s\" person=\"%s\"/>\n",
				        id, ds(released).s, P(x->g, x->supmgr)->id);
			}
		bprintf(b, "  </release>\n");
	}
	int actual =
	    (int)((long)x->budget * c->term_month / 12 * (85 + rnd(x->r, 10)) / 100 / 1000 * 1000);
	bprintf(b,
	        "  <accounting currency=\"CNY\" budget=\"%d\" actual=\"%d\" person=\"%s\" "
	        "date=\"%s\"/>\n",
	        x->budget, actual, P(x->g, x->slm)->id, ds(released + 7).s);
	bprintf(
	    b,
	    "  <summary>按期释放资源，核算未超预算；改进：需求阶段明确提前终止条款。</summary>\n");
	bprintf(b, "  <archive ref=\"%s\"/>\n  <archive ref=\"%s\"/>\n", x->sla, x->prop);
	for (int i = 0; i < c->nsvc; i++) {
		ola_id(x, i, id, sizeof id);
		bprintf(b, "  <archive ref=\"%s\"/>\n", id);
	}
	for (int i = 0; i < c->nsvc; i++)
		if (services[c->svc[i]].supplier >= 0) {
			con_id(x, i, id, sizeof id);
			bprintf(b, "  <archive ref=\"%s\"/>\n", id);
		}
	bprintf(b, "  <archive ref=\"%s\"/>\n", x->init);
	bprintf(b, "</termination>\n");
	emit_ctx(x, "termination.xml");
}

static void write_customer(struct gen *g, int k)
{
	const struct cust *c = &g->custs[k - 1];
	struct ctx x;
	char dir[4096];
	ctx_init(&x, g, c, k);
	static const char *const sub[] = {"", "/reports", "/reviews"};
	for (size_t i = 0; i < NELEM(sub); i++) {
		snprintf(dir, sizeof dir, "%s/%s%s", g->outdir, x.dir, sub[i]);
		if (mkdir(dir, 0777) && errno != EEXIST)
			die("%s: cannot create directory: %s", dir, strerror(errno));
	}

	write_requirements(&x);
	write_sla(&x);
	if (c->amended)
		write_amendment(&x);
	for (int i = 0; i < c->nsvc; i++)
		write_ola(&x, i);
	for (int i = 0; i < c->nsvc; i++)
		if (services[c->svc[i]].supplier >= 0)
			write_contract(&x, i);
	write_decomposition(&x);
	write_proposal(&x);
	write_initiation(&x);
	for (int m = 1; m <= c->term_month; m++)
		write_report(&x, m);
	long prev = 0;
	for (int q = 1; q <= 4; q++) {
		prev = review_date(x.r, q, prev);
		if (c->terminated && prev > x.effective)
			break;
		write_review(&x, q, prev);
	}
	if (c->terminated)
		write_termination(&x);
}

/* ------------------------------------------------------------------------------------------ */
/* Faults: N customers per kind, among those with neither amendment nor termination            */

static void plant_faults(struct gen *g, int n, unsigned kinds)
{
	if (n <= 0)
		return;
	int *eligible = xrealloc(NULL, sizeof(int) * (size_t)g->ncust);
	int ne = 0;
	for (int i = 0; i < g->ncust; i++)
		if (!g->custs[i].amended && !g->custs[i].terminated)
			eligible[ne++] = i;
	if (n > ne)
		die("--faults %d: only %d customers can take a fault of each kind; raise -n", n,
		    ne);
	for (int k = 0; k < NFAULT; k++) {
		if (!(kinds & (1u << k)))
			continue;
		uint64_t r = rng_derive(g->seed, 0xfa17, (uint64_t)k);
		for (int i = 0; i < n; i++) { /* partial Fisher–Yates: n distinct customers */
			int j = i + rnd(&r, ne - i);
			int t = eligible[i];
			eligible[i] = eligible[j];
			eligible[j] = t;
			g->custs[eligible[i]].faults |= 1u << k;
		}
	}
	free(eligible);
}

static int fault_cmp(const void *a, const void *b)
{
	const struct fault *x = a, *y = b;
	int c = strcmp(x->path, y->path);
	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return strcmp(x->rule, y->rule);
}

static void write_faults(struct gen *g)
{
	qsort(g->faults, (size_t)g->nfaults, sizeof *g->faults, fault_cmp);
	g->b.len = 0;
	for (int i = 0; i < g->nfaults; i++)
		bprintf(&g->b, "%s:%d: %s\n", g->faults[i].path, g->faults[i].line,
		        g->faults[i].rule);
	write_file(g, "FAULTS.txt", g->b.p, g->b.len);
	g->b.len = 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Output directory                                                                           */

#define MARKER ".slm-gen"

static int dir_state(const char *path, int *has_marker)
{
	DIR *d = opendir(path);
	int n = 0;
	*has_marker = 0;
	if (!d) {
		if (errno == ENOENT)
			return 0;
		die("%s: %s", path, strerror(errno));
	}
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		n++;
		if (!strcmp(e->d_name, MARKER))
			*has_marker = 1;
	}
	closedir(d);
	return n;
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if ((flag == FTW_DP ? rmdir(path) : unlink(path)) && errno != ENOENT)
		die("%s: cannot remove: %s", path, strerror(errno));
	return 0;
}

/* Removes what an earlier slm-gen run wrote, and only that: stale customers of a larger run would
 * otherwise stay behind as documents of this one. */
static void clear_previous(const char *outdir)
{
	DIR *d = opendir(outdir);
	if (!d)
		die("%s: %s", outdir, strerror(errno));
	struct dirent *e;
	char path[4096];
	while ((e = readdir(d))) {
		const char *n = e->d_name;
		if (strcmp(n, "org") && strcmp(n, "catalog") && strncmp(n, "cust-", 5) &&
		    strcmp(n, "FAULTS.txt") && strcmp(n, MARKER))
			continue;
		snprintf(path, sizeof path, "%s/%s", outdir, n);
		if (nftw(path, rm_entry, 32, FTW_DEPTH | FTW_PHYS))
			die("%s: cannot remove: %s", path, strerror(errno));
	}
	closedir(d);
}

/* ------------------------------------------------------------------------------------------ */
/* Command line                                                                               */

static void usage(FILE *f)
{
	fputs("usage: slm-gen [-n DOCS] [-s SEED] [--faults N] [--fault-kinds K,K…] [--force] "
	      "OUTDIR\n"
	      "  -n DOCS          about DOCS documents (default 2000)\n"
	      "  -s SEED          seed of the deterministic generator (default 1)\n"
	      "  --faults N       plant N faults of each kind, listed in OUTDIR/FAULTS.txt "
	      "(default 0)\n"
	      "  --fault-kinds K  kinds to plant, comma-separated, or 'all' (default\n"
	      "                   duplicate-id,unresolved-ref; also hours-gap, target-weaker, "
	      "breach)\n"
	      "  --force          write into a non-empty OUTDIR (removing an earlier slm-gen "
	      "output)\n",
	      f);
}

static long parse_num(const char *opt, const char *s, long min, long max)
{
	char *end;
	errno = 0;
	long v = s ? strtol(s, &end, 10) : 0;
	if (!s || !*s || *end || errno || v < min || v > max)
		die("%s: expects an integer from %ld to %ld, got '%s'", opt, min, max, s ? s : "");
	return v;
}

static unsigned parse_kinds(const char *s)
{
	unsigned kinds = 0;
	char tmp[256];
	snprintf(tmp, sizeof tmp, "%s", s);
	for (char *tok = strtok(tmp, ","); tok; tok = strtok(NULL, ",")) {
		if (!strcmp(tok, "all")) {
			kinds |= (1u << NFAULT) - 1;
			continue;
		}
		int k;
		for (k = 0; k < NFAULT && strcmp(tok, fault_names[k]); k++)
			;
		if (k == NFAULT)
			die("--fault-kinds: unknown kind '%s'", tok);
		kinds |= 1u << k;
	}
	return kinds;
}

/* Value of an option given as `--opt V` or `--opt=V`. */
static const char *optval(int argc, char **argv, int *i, const char *name)
{
	size_t n = strlen(name);
	if (!strncmp(argv[*i], name, n) && argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (!strcmp(argv[*i], name)) {
		if (*i + 1 >= argc)
			die("%s: missing value", name);
		return argv[++*i];
	}
	return NULL;
}

int main(int argc, char **argv)
{
	long ndocs = 2000, nfaults = 0;
	uint64_t seed = 1;
	/* The kinds the brief names; the others on request while their rules mature. */
	unsigned kinds = 1u << F_DUPLICATE_ID | 1u << F_UNRESOLVED_REF;
	int force = 0;
	const char *outdir = NULL, *v;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else if ((v = optval(argc, argv, &i, "-n")) ||
		           (v = optval(argc, argv, &i, "--docs"))) {
			ndocs = parse_num("-n", v, 1, 10000000);
		} else if ((v = optval(argc, argv, &i, "-s")) ||
		           (v = optval(argc, argv, &i, "--seed"))) {
			seed = (uint64_t)parse_num("-s", v, 0, 0x7fffffffL);
		} else if ((v = optval(argc, argv, &i, "--faults"))) {
			nfaults = parse_num("--faults", v, 0, 1000000);
		} else if ((v = optval(argc, argv, &i, "--fault-kinds"))) {
			kinds = parse_kinds(v);
		} else if (!strcmp(argv[i], "--force")) {
			force = 1;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			usage(stderr);
			die("unknown option '%s'", argv[i]);
		} else if (!outdir) {
			outdir = argv[i];
		} else {
			usage(stderr);
			die("only one OUTDIR, got '%s' and '%s'", outdir, argv[i]);
		}
	}
	if (!outdir) {
		usage(stderr);
		return 2;
	}

	int marker, nonempty = dir_state(outdir, &marker);
	if (nonempty && !force)
		die("%s: directory is not empty; use --force to write into it", outdir);

	struct gen g;
	memset(&g, 0, sizeof g);
	g.outdir = outdir;
	g.seed = seed;
	org_build(&g.org, seed);

	/* Plan customers until the documents reach the size asked for. */
	long planned = 2;
	int cap = 0;
	while (planned < ndocs || g.ncust == 0) {
		if (g.ncust == cap) {
			cap = cap ? cap * 2 : 64;
			g.custs = xrealloc(g.custs, sizeof *g.custs * (size_t)cap);
		}
		cust_plan(&g.custs[g.ncust], seed, g.ncust + 1);
		planned += g.custs[g.ncust].ndocs;
		g.ncust++;
	}
	if (g.ncust > 99999)
		die("-n %ld: more than 99999 customers; ask for fewer documents", ndocs);
	plant_faults(&g, (int)nfaults, kinds);

	/* Only now, with the plan known to be feasible, touch the output directory. */
	if (nonempty && marker)
		clear_previous(outdir);
	else if (nonempty)
		fprintf(stderr,
		        "slm-gen: warning: %s holds files slm-gen did not write; they are left in "
		        "place\n",
		        outdir);
	mkdir_p(outdir);

	char dir[4096];
	snprintf(dir, sizeof dir, "%s/org", outdir);
	mkdir_p(dir);
	snprintf(dir, sizeof dir, "%s/catalog", outdir);
	mkdir_p(dir);
	write_org(&g);
	write_catalog(&g);
	for (int k = 1; k <= g.ncust; k++)
		write_customer(&g, k);
	if (nfaults > 0)
		write_faults(&g);

	g.b.len = 0;
	bprintf(&g.b, "slm-gen %s\ndocs=%ld\nseed=%llu\nfaults=%ld\ncustomers=%d\ndocuments=%ld\n",
	        GEN_VERSION, ndocs, (unsigned long long)seed, nfaults, g.ncust, g.docs);
	write_file(&g, MARKER, g.b.p, g.b.len);
	printf("slm-gen: %ld documents (%d customers, %d faults), %.1f MiB in %s\n", g.docs,
	       g.ncust, g.nfaults, (double)(g.bytes - (long)g.b.len) / 1048576.0, outdir);

	for (int i = 0; i < g.nfaults; i++)
		free(g.faults[i].path);
	free(g.faults);
	free(g.custs);
	free(g.b.p);
	org_free(&g.org);
	return 0;
}
