<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: what every slm stylesheet shares (DESIGN §6 Rendering).  Imported by one stylesheet per
  document kind; produces nothing by itself.

  - the document frame: <meta>, running header (title, document id and version), footer
    ("第 N 页 / 共 M 页" / "Page N of M"), the 草稿 / DRAFT watermark on agreements whose status is
    draft, and the numbering of level 1 and 2 headings (a pass over the finished body, so that a
    section left out does not leave a gap in the numbers);
  - i18n: one table of Chinese and English labels; the language is the root's xml:lang
    (zh by default, en where xml:lang="en");
  - formatting functions (EXSLT func:function, prefix f:): dates, instants, money, percentages,
    durations, service hours and tiers, names of people, departments, customers and suppliers;
  - the effective SLA at a date (DESIGN §3): the base SLA with every signed additional SLA whose
    effective date has come, its services replaced or added and removed;
  - signature blocks from <signature> elements.

  The organization is the one the provider's signature names (signature/@party of the signature
  that has a @person, of the document or of its SLA), else slm:organization().
  Extension functions (urn:slm:xslt:1) are slm's: doc, organization, referring, duration, seconds,
  clock, calendar-years, calendar-name.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1"
    xmlns:l="urn:slm:layout:1"
    xmlns:s="urn:slm:1"
    xmlns:slm="urn:slm:xslt:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    xmlns:func="http://exslt.org/functions"
    xmlns:f="urn:slm:stylesheet-functions"
    extension-element-prefixes="func"
    exclude-result-prefixes="l s slm exsl str func f">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:strip-space elements="*"/>
  <!-- lookups by key, not by a predicate over all the catalog's children: an SLA of 1,000 services
       looked each one up several times, quadratic -->
  <xsl:key name="f:heading-number" match="f:n" use="@id"/>
  <xsl:key name="f:catalog-service" match="s:catalog/s:service" use="@id"/>
  <xsl:key name="f:catalog-tier" match="s:catalog/s:tier" use="@level"/>

  <!-- the date the document is rendered as of (YYYY-MM-DD) and the version of slm -->
  <xsl:param name="as-of" select="''"/>
  <xsl:param name="slm-version" select="''"/>

  <!-- ===================================================================== context -->

  <xsl:variable name="root" select="/*"/>
  <xsl:variable name="lang" select="substring('zhen', 1 + 2 * starts-with(/*/@xml:lang, 'en'), 2)"/>

  <!-- the SLA a document belongs to: itself, its @sla, or the SLA its first <supports> backs -->
  <xsl:variable name="sla-id">
    <xsl:choose>
      <xsl:when test="$root/self::s:sla"><xsl:value-of select="$root/@id"/></xsl:when>
      <xsl:when test="$root/@sla"><xsl:value-of select="$root/@sla"/></xsl:when>
      <xsl:when test="$root/s:supports"><xsl:value-of select="$root/s:supports[1]/@sla"/></xsl:when>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="the-sla" select="f:doc(string($sla-id))"/>
  <!-- the base SLA: for an additional SLA, the one it amends -->
  <xsl:variable name="base-sla" select="$the-sla[not(@amends)] | f:doc(string($the-sla/@amends))"/>

  <xsl:variable name="org-id">
    <xsl:choose>
      <xsl:when test="$root/s:signature[@person][@party]">
        <xsl:value-of select="$root/s:signature[@person][@party][1]/@party"/>
      </xsl:when>
      <xsl:when test="$the-sla/s:signature[@person][@party]">
        <xsl:value-of select="$the-sla/s:signature[@person][@party][1]/@party"/>
      </xsl:when>
      <xsl:when test="$base-sla/s:signature[@person][@party]">
        <xsl:value-of select="$base-sla/s:signature[@person][@party][1]/@party"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="slm:organization()/@id"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="org-by-id" select="f:doc(string($org-id))[self::s:organization]"/>
  <xsl:variable name="org" select="$org-by-id | slm:organization()[not($org-by-id)]"/>

  <xsl:variable name="catalog-id">
    <xsl:choose>
      <xsl:when test="$root/self::s:catalog"><xsl:value-of select="$root/@id"/></xsl:when>
      <xsl:when test="$the-sla/@catalog"><xsl:value-of select="$the-sla/@catalog"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$base-sla/@catalog"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="catalog" select="f:doc(string($catalog-id))[self::s:catalog]"/>

  <!-- today's date for the rules that depend on it (slm always passes as-of) -->
  <xsl:variable name="today" select="$as-of"/>

  <!-- ===================================================================== i18n -->

  <xsl:variable name="i18n-table">
    <!-- kinds -->
    <e k="kind.catalog" zh="服务目录" en="Service Catalogue"/>
    <e k="kind.sla" zh="服务级别协议" en="Service Level Agreement"/>
    <e k="kind.sla-additional" zh="附加服务级别协议" en="Additional Service Level Agreement"/>
    <e k="kind.ola" zh="运营级别协议（OLA）" en="Operational Level Agreement (OLA)"/>
    <e k="kind.contract" zh="支持合同" en="Underpinning Contract"/>
    <e k="kind.proposal" zh="运维项目建议书" en="Operations Project Proposal"/>
    <e k="kind.report" zh="服务报告" en="Service Report"/>
    <e k="kind.review" zh="回顾记录" en="Service Review Record"/>
    <e k="kind.termination" zh="释放清单" en="Release Checklist"/>
    <e k="kind.nonconformity" zh="不合格报告" en="Nonconformity Report"/>
    <e k="kind.requirements" zh="服务需求说明书" en="Service Requirements"/>
    <e k="kind.decomposition" zh="合同技术条款分解" en="Contract Decomposition"/>
    <e k="kind.initiation" zh="运维项目立项报告" en="Project Initiation Report"/>
    <e k="kind.organization" zh="组织" en="Organization"/>
    <e k="kind.ola.short" zh="OLA" en="OLA"/>
    <!-- statuses -->
    <e k="status.draft" zh="草稿" en="Draft"/>
    <e k="status.signed" zh="已签署" en="Signed"/>
    <e k="status.ended" zh="已到期" en="Ended"/>
    <e k="status.terminated" zh="已终止" en="Terminated"/>
    <e k="status.open" zh="进行中" en="Open"/>
    <e k="status.closed" zh="已关闭" en="Closed"/>
    <e k="status.final" zh="定稿" en="Final"/>
    <e k="status.approved" zh="已批准" en="Approved"/>
    <e k="status.submitted" zh="已提交" en="Submitted"/>
    <e k="status.rejected" zh="已驳回" en="Rejected"/>
    <!-- roles -->
    <e k="role.service-level-manager" zh="服务级别经理" en="Service level manager"/>
    <e k="role.ops-owner" zh="运维服务负责人" en="Service owner"/>
    <e k="role.ops-staff" zh="运维服务人员" en="Operations engineer"/>
    <e k="role.dept-head" zh="部门负责人" en="Head of department"/>
    <e k="role.sales" zh="销售代表" en="Account manager"/>
    <e k="role.contract-admin" zh="经营管理部" en="Contract administrator"/>
    <e k="role.supplier-manager" zh="供应商经理" en="Supplier manager"/>
    <e k="role.executive" zh="公司高层" en="Executive"/>
    <e k="role.customer" zh="客户代表" en="Customer representative"/>
    <e k="role.supplier" zh="供应商代表" en="Supplier representative"/>
    <!-- days -->
    <e k="day.mon" zh="周一" en="Mon"/><e k="day.tue" zh="周二" en="Tue"/>
    <e k="day.wed" zh="周三" en="Wed"/><e k="day.thu" zh="周四" en="Thu"/>
    <e k="day.fri" zh="周五" en="Fri"/><e k="day.sat" zh="周六" en="Sat"/>
    <e k="day.sun" zh="周日" en="Sun"/>
    <e k="days.all" zh="每日" en="Daily"/>
    <e k="days.to" zh="至" en="–"/>
    <e k="days.sep" zh="、" en=", "/>
    <e k="hours.workdays" zh="（仅工作日，法定节假日除外）" en=" (working days only, public holidays excluded)"/>
    <e k="hours.sep" zh="；" en="; "/>
    <!-- frame -->
    <e k="page" zh="第 # 页 / 共 ## 页" en="Page # of ##"/>
    <e k="toc" zh="目录" en="Contents"/>
    <e k="draft" zh="草稿" en="DRAFT"/>
    <e k="version" zh="版本" en="Version"/>
    <e k="none" zh="无" en="None"/>
    <e k="dash" zh="—" en="—"/>
    <e k="yes" zh="是" en="Yes"/>
    <e k="no" zh="否" en="No"/>
    <e k="colon" zh="：" en=": "/>
    <e k="lparen" zh="（" en=" ("/>
    <e k="rparen" zh="）" en=")"/>
    <e k="comma" zh="，" en=", "/>
    <e k="semicolon" zh="；" en="; "/>
    <e k="holiday-data" zh="节假日数据：#" en="holidays listed for #"/>
    <e k="holiday-data-none" zh="无节假日数据" en="no holidays listed"/>
    <e k="list-sep" zh="、" en=", "/>
    <e k="full-stop" zh="。" en="."/>
    <e k="range" zh=" 至 " en=" to "/>
    <!-- common labels -->
    <e k="customer" zh="客户" en="Customer"/>
    <e k="provider" zh="服务提供方" en="Service provider"/>
    <e k="supplier" zh="供应商" en="Supplier"/>
    <e k="department" zh="部门" en="Department"/>
    <e k="contact" zh="联系人" en="Contact"/>
    <e k="service" zh="服务" en="Service"/>
    <e k="services" zh="服务" en="Services"/>
    <e k="tier" zh="服务等级" en="Tier"/>
    <e k="hours" zh="服务时间" en="Service hours"/>
    <e k="availability" zh="可用性" en="Availability"/>
    <e k="availability-target" zh="可用性目标" en="Availability target"/>
    <e k="priority" zh="优先级" en="Priority"/>
    <e k="response" zh="响应时间" en="Response"/>
    <e k="resolution" zh="解决时间" en="Resolution"/>
    <e k="term" zh="协议期限" en="Term"/>
    <e k="notice" zh="续约通知期" en="Renewal notice"/>
    <e k="status" zh="状态" en="Status"/>
    <e k="calendar" zh="工作日历" en="Working calendar"/>
    <e k="time-zone" zh="时区" en="Time zone"/>
    <e k="id" zh="编号" en="ID"/>
    <e k="title" zh="名称" en="Title"/>
    <e k="date" zh="日期" en="Date"/>
    <e k="description" zh="说明" en="Description"/>
    <e k="amount" zh="金额" en="Amount"/>
    <e k="total" zh="合计" en="Total"/>
    <e k="signatures" zh="签署" en="Signatures"/>
    <e k="sla" zh="服务级别协议" en="Service level agreement"/>
    <e k="sla.short" zh="SLA" en="SLA"/>
    <e k="catalog" zh="服务目录" en="Service catalogue"/>
    <e k="person" zh="人员" en="Person"/>
    <e k="name" zh="姓名" en="Name"/>
    <e k="role" zh="角色" en="Role"/>
    <e k="owner" zh="负责人" en="Owner"/>
    <e k="due" zh="期限" en="Due"/>
    <e k="not-found" zh="（未找到）" en=" (not found)"/>
    <e k="onsite" zh="驻场" en="On-site"/>
    <e k="tier.n" zh="# 级" en="Tier #"/>
    <e k="per.P1M" zh="月" en="month"/>
    <e k="per.P3M" zh="季度" en="quarter"/>
    <e k="per.P1Y" zh="年" en="year"/>
    <e k="per.P12M" zh="年" en="year"/>
    <e k="per.P1D" zh="天" en="day"/>
    <e k="per.P1W" zh="周" en="week"/>
    <e k="per.once" zh="一次性" en="one-off"/>
    <e k="every" zh="每" en="every"/>
    <e k="unit.h" zh=" 小时" en=" h"/>
    <e k="sig.a" zh="甲方：" en=""/>
    <e k="sep" zh=" · " en=" – "/>
    <e k="act.prepared" zh="编制：" en="Prepared by: "/>
    <e k="act.acknowledged" zh="确认：" en="Acknowledged by: "/>
    <e k="act.recorded" zh="记录：" en="Recorded by: "/>
    <e k="act.approved" zh="批准：" en="Approved by: "/>
    <e k="act.reviewed" zh="审阅：" en="Reviewed by: "/>
    <e k="act.accepted" zh="接受：" en="Accepted by: "/>
    <e k="sig.b" zh="乙方：" en=""/>
    <e k="unit.min" zh=" 分钟" en=" min"/>
  </xsl:variable>
  <xsl:variable name="i18n" select="exsl:node-set($i18n-table)/*"/>

  <!-- f:t(key): the label for KEY in the document's language (an importing stylesheet adds its
       own table as $labels, which is searched first) -->
  <xsl:variable name="labels" select="/.."/>
  <func:function name="f:t">
    <xsl:param name="k"/>
    <xsl:variable name="own" select="$labels[@k = $k]"/>
    <xsl:variable name="e" select="($own | $i18n[@k = $k][not($own)])[1]"/>
    <xsl:choose>
      <xsl:when test="not($e)"><func:result select="string($k)"/></xsl:when>
      <xsl:when test="$lang = 'en'"><func:result select="string($e/@en)"/></xsl:when>
      <xsl:otherwise><func:result select="string($e/@zh)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- f:tn(key, n): the label with "#" replaced by N -->
  <func:function name="f:tn">
    <xsl:param name="k"/>
    <xsl:param name="n"/>
    <func:result select="f:sub1(f:t($k), $n)"/>
  </func:function>

  <!-- f:t2(key, a, b): the label with "#" replaced by A and "##" by B -->
  <func:function name="f:t2">
    <xsl:param name="k"/>
    <xsl:param name="a"/>
    <xsl:param name="b"/>
    <xsl:variable name="s" select="f:t($k)"/>
    <func:result select="concat(f:sub1(substring-before($s, '##'), $a), $b, f:sub1(substring-after($s, '##'), $a))"/>
  </func:function>
  <func:function name="f:sub1">
    <xsl:param name="s"/>
    <xsl:param name="a"/>
    <xsl:choose>
      <xsl:when test="contains($s, '#')"><func:result select="concat(substring-before($s, '#'), $a, substring-after($s, '#'))"/></xsl:when>
      <xsl:otherwise><func:result select="string($s)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- f:paren(s): s in parentheses of the language -->
  <func:function name="f:paren">
    <xsl:param name="s"/>
    <func:result select="concat(f:t('lparen'), $s, f:t('rparen'))"/>
  </func:function>

  <!-- ===================================================================== documents -->

  <!-- f:doc(id): slm:doc, or nothing for an empty id -->
  <func:function name="f:doc">
    <xsl:param name="id"/>
    <xsl:choose>
      <xsl:when test="string($id) != ''"><func:result select="slm:doc(string($id))"/></xsl:when>
      <xsl:otherwise><func:result select="/.."/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- the kind label of a document root -->
  <func:function name="f:kind">
    <xsl:param name="doc"/>
    <xsl:choose>
      <xsl:when test="$doc/self::s:sla[@amends]"><func:result select="f:t('kind.sla-additional')"/></xsl:when>
      <xsl:when test="$doc/self::s:termination"><func:result select="f:t('kind.termination')"/></xsl:when>
      <xsl:when test="$doc/self::s:ola"><func:result select="'OLA'"/></xsl:when>
      <xsl:otherwise><func:result select="f:t(concat('kind.', local-name($doc)))"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- the title of a document root; for documents without one, what names it best -->
  <func:function name="f:title-of">
    <xsl:param name="d"/>
    <xsl:choose>
      <xsl:when test="$d/s:title"><func:result select="normalize-space($d/s:title)"/></xsl:when>
      <xsl:when test="$d/self::s:ola"><func:result select="concat(f:dept(string($d/@dept)), ' OLA')"/></xsl:when>
      <xsl:when test="$d/self::s:contract"><func:result select="concat(f:party(string($d/@supplier)), ' ', f:t('kind.contract'))"/></xsl:when>
      <xsl:when test="$d/self::s:report"><func:result select="concat(f:t('kind.report'), ' ', f:period($d/@from, $d/@to))"/></xsl:when>
      <xsl:when test="$d/@name"><func:result select="string($d/@name)"/></xsl:when>
      <xsl:otherwise><func:result select="''"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- ===================================================================== names -->

  <func:function name="f:person">
    <xsl:param name="id"/>
    <xsl:variable name="p" select="$org/s:person[@id = $id]"/>
    <xsl:choose>
      <xsl:when test="$p"><func:result select="string($p/@name)"/></xsl:when>
      <xsl:otherwise><func:result select="string($id)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <func:function name="f:dept">
    <xsl:param name="id"/>
    <xsl:variable name="d" select="$org/s:department[@id = $id]"/>
    <xsl:choose>
      <xsl:when test="$d"><func:result select="string($d/@name)"/></xsl:when>
      <xsl:otherwise><func:result select="string($id)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- the department of a person -->
  <func:function name="f:person-dept">
    <xsl:param name="id"/>
    <func:result select="f:dept(string($org/s:person[@id = $id]/@dept))"/>
  </func:function>

  <!-- the name of a customer, supplier or of the organization itself -->
  <func:function name="f:party">
    <xsl:param name="id"/>
    <xsl:variable name="p" select="$org/s:customer[@id = $id] | $org/s:supplier[@id = $id]"/>
    <xsl:choose>
      <xsl:when test="$org and $id = $org/@id"><func:result select="string($org/@name)"/></xsl:when>
      <xsl:when test="$p"><func:result select="string($p[1]/@name)"/></xsl:when>
      <xsl:otherwise><func:result select="string($id)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- f:calendar(id, from, to): calendar ID as a document in force from FROM to TO (dates; '' for a
       document without a term, TO '' for an open end) names it: its name without a year it cannot
       claim (slm:calendar-name), then id, zone and the years it has holiday data for —
       "中国大陆工作日历（CN，Asia/Shanghai；节假日数据：2025–2026）" (issue 13 item 6) -->
  <func:function name="f:calendar">
    <xsl:param name="id"/>
    <xsl:param name="from" select="''"/>
    <xsl:param name="to" select="''"/>
    <xsl:variable name="cal" select="$org/s:calendar[@id = $id]"/>
    <xsl:variable name="name" select="slm:calendar-name(string($id), string($cal/@name), string($from), string($to))"/>
    <xsl:variable name="years" select="slm:calendar-years(string($id))"/>
    <xsl:variable name="data">
      <xsl:choose>
        <xsl:when test="$years != ''"><xsl:value-of select="f:tn('holiday-data', $years)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="f:t('holiday-data-none')"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="not($cal)"><func:result select="string($id)"/></xsl:when>
      <xsl:when test="$name != ''"><func:result select="concat($name, f:paren(concat($id, f:t('comma'), $cal/@tz, f:t('semicolon'), $data)))"/></xsl:when>
      <xsl:otherwise><func:result select="concat($id, f:paren(concat($cal/@tz, f:t('semicolon'), $data)))"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- the role label of a person: PREFERRED when the person holds it, else the first role held -->
  <func:function name="f:role">
    <xsl:param name="id"/>
    <xsl:param name="preferred" select="''"/>
    <xsl:variable name="roles" select="concat(' ', normalize-space($org/s:person[@id = $id]/@roles), ' ')"/>
    <xsl:choose>
      <xsl:when test="$preferred != '' and contains($roles, concat(' ', $preferred, ' '))">
        <func:result select="f:t(concat('role.', $preferred))"/>
      </xsl:when>
      <xsl:when test="normalize-space($roles) != ''">
        <func:result select="f:t(concat('role.', substring-before(substring($roles, 2), ' ')))"/>
      </xsl:when>
      <xsl:otherwise><func:result select="''"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- "Name (department)" -->
  <func:function name="f:person-full">
    <xsl:param name="id"/>
    <xsl:choose>
      <xsl:when test="$org/s:person[@id = $id]">
        <func:result select="concat(f:person($id), f:paren(f:person-dept($id)))"/>
      </xsl:when>
      <xsl:otherwise><func:result select="string($id)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- a service's name in the catalog (or any catalog that has it) -->
  <func:function name="f:service">
    <xsl:param name="id"/>
    <xsl:variable name="svc" select="f:catalog-service($id)"/>
    <xsl:choose>
      <xsl:when test="$svc"><func:result select="normalize-space($svc/s:name)"/></xsl:when>
      <xsl:otherwise><func:result select="string($id)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- ===================================================================== dates and numbers -->

  <!-- 20250101 from 2025-01-01 (or from an instant), for comparisons -->
  <func:function name="f:num">
    <xsl:param name="d"/>
    <func:result select="number(translate(substring($d, 1, 10), '-', ''))"/>
  </func:function>

  <func:function name="f:month-name">
    <xsl:param name="m"/>
    <func:result select="normalize-space(substring('January  February March    April    May      June     July     August   SeptemberOctober  November December ', ($m - 1) * 9 + 1, 9))"/>
  </func:function>

  <!-- 2025年1月1日 / 1 January 2025 -->
  <func:function name="f:date">
    <xsl:param name="d"/>
    <xsl:variable name="y" select="substring($d, 1, 4)"/>
    <xsl:variable name="m" select="number(substring($d, 6, 2))"/>
    <xsl:variable name="day" select="number(substring($d, 9, 2))"/>
    <xsl:choose>
      <xsl:when test="string-length($d) &lt; 10 or string($m) = 'NaN'"><func:result select="string($d)"/></xsl:when>
      <xsl:when test="$lang = 'en'"><func:result select="concat($day, ' ', f:month-name($m), ' ', $y)"/></xsl:when>
      <xsl:otherwise><func:result select="concat($y, '年', $m, '月', $day, '日')"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- 2025年8月 / August 2025 -->
  <func:function name="f:month">
    <xsl:param name="d"/>
    <xsl:variable name="m" select="number(substring($d, 6, 2))"/>
    <xsl:choose>
      <xsl:when test="$lang = 'en'"><func:result select="concat(f:month-name($m), ' ', substring($d, 1, 4))"/></xsl:when>
      <xsl:otherwise><func:result select="concat(substring($d, 1, 4), '年', $m, '月')"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- a date range: one day, or FROM to TO -->
  <func:function name="f:date-range">
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="string($from) = string($to)"><func:result select="f:date($from)"/></xsl:when>
      <xsl:otherwise><func:result select="concat(f:date($from), f:t('range'), f:date($to))"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- a reporting period: a whole calendar month reads "2025年8月", anything else is a range -->
  <func:function name="f:period">
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="substring($from, 9, 2) = '01' and substring($from, 1, 7) = substring($to, 1, 7)
                      and number(substring($to, 9, 2)) = f:last-day($to)">
        <func:result select="f:month($from)"/>
      </xsl:when>
      <xsl:otherwise><func:result select="f:date-range($from, $to)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>
  <!-- the last day of the month of date D -->
  <func:function name="f:last-day">
    <xsl:param name="d"/>
    <xsl:variable name="y" select="number(substring($d, 1, 4))"/>
    <xsl:variable name="m" select="number(substring($d, 6, 2))"/>
    <xsl:variable name="leap" select="$y mod 4 = 0 and ($y mod 100 != 0 or $y mod 400 = 0)"/>
    <func:result select="number(substring('312831303130313130313031', $m * 2 - 1, 2)) + number($m = 2 and $leap)"/>
  </func:function>

  <!-- an instant as its local wall-clock time: 2025-08-17 22:35 (with its UTC offset when
       SHOW-OFFSET is true) -->
  <func:function name="f:instant">
    <xsl:param name="t"/>
    <xsl:param name="show-offset" select="false()"/>
    <xsl:variable name="base" select="concat(substring($t, 1, 10), ' ', substring($t, 12, 5))"/>
    <xsl:choose>
      <xsl:when test="$show-offset"><func:result select="concat($base, ' ', f:offset-label($t))"/></xsl:when>
      <xsl:otherwise><func:result select="$base"/></xsl:otherwise>
    </xsl:choose>
  </func:function>
  <func:function name="f:offset">
    <xsl:param name="t"/>
    <xsl:variable name="rest" select="substring($t, 20)"/>
    <xsl:choose>
      <xsl:when test="contains($rest, '+')"><func:result select="concat('+', substring-after($rest, '+'))"/></xsl:when>
      <xsl:when test="contains($rest, '-')"><func:result select="concat('-', substring-after($rest, '-'))"/></xsl:when>
      <xsl:otherwise><func:result select="'Z'"/></xsl:otherwise>
    </xsl:choose>
  </func:function>
  <func:function name="f:offset-label">
    <xsl:param name="t"/>
    <xsl:variable name="o" select="f:offset($t)"/>
    <xsl:choose>
      <xsl:when test="$o = 'Z'"><func:result select="'UTC'"/></xsl:when>
      <xsl:otherwise><func:result select="concat('UTC', $o)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- 1,234.50 -->
  <func:function name="f:amount">
    <xsl:param name="n"/>
    <func:result select="format-number($n, '#,##0.00')"/>
  </func:function>

  <!-- ¥ 92,000.00 / € 9,200.00 / 1,000.00 CHF -->
  <func:function name="f:money">
    <xsl:param name="n"/>
    <xsl:param name="currency"/>
    <xsl:variable name="symbol">
      <xsl:choose>
        <xsl:when test="$currency = 'CNY' or $currency = 'JPY'">¥</xsl:when>
        <xsl:when test="$currency = 'EUR'">€</xsl:when>
        <xsl:when test="$currency = 'USD'">$</xsl:when>
        <xsl:when test="$currency = 'GBP'">£</xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string($symbol) != ''"><func:result select="concat($symbol, ' ', f:amount($n))"/></xsl:when>
      <xsl:otherwise><func:result select="concat(f:amount($n), ' ', $currency)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- the unit of a charging period: 月 / month; absent: one-off -->
  <func:function name="f:per-unit">
    <xsl:param name="per"/>
    <xsl:choose>
      <xsl:when test="string($per) = ''"><func:result select="''"/></xsl:when>
      <xsl:when test="$i18n[@k = concat('per.', $per)]"><func:result select="f:t(concat('per.', $per))"/></xsl:when>
      <xsl:otherwise><func:result select="slm:duration(string($per), $lang)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- ¥ 50,000.00 / 月 ; € 6,800.00 per month -->
  <func:function name="f:money-per">
    <xsl:param name="n"/>
    <xsl:param name="currency"/>
    <xsl:param name="per"/>
    <xsl:choose>
      <xsl:when test="string($per) = ''"><func:result select="f:money($n, $currency)"/></xsl:when>
      <xsl:when test="$lang = 'en'"><func:result select="concat(f:money($n, $currency), ' per ', f:per-unit($per))"/></xsl:when>
      <xsl:otherwise><func:result select="concat(f:money($n, $currency), ' / ', f:per-unit($per))"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- a cadence: 每月 / once a month; 每季度 / once a quarter -->
  <func:function name="f:cadence">
    <xsl:param name="every"/>
    <xsl:choose>
      <xsl:when test="$lang = 'en' and $i18n[@k = concat('per.', $every)]"><func:result select="concat('once a ', f:t(concat('per.', $every)))"/></xsl:when>
      <xsl:when test="$lang = 'en'"><func:result select="concat('every ', slm:duration(string($every), $lang))"/></xsl:when>
      <xsl:when test="$i18n[@k = concat('per.', $every)]"><func:result select="concat('每', f:t(concat('per.', $every)))"/></xsl:when>
      <xsl:otherwise><func:result select="concat('每 ', slm:duration(string($every), $lang))"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- 99.95% -->
  <func:function name="f:pct">
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="string($n) = ''"><func:result select="f:t('dash')"/></xsl:when>
      <xsl:otherwise><func:result select="concat($n, '%')"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- a duration (PT4H) in words, or a dash -->
  <func:function name="f:dur">
    <xsl:param name="d"/>
    <xsl:choose>
      <xsl:when test="string($d) = ''"><func:result select="f:t('dash')"/></xsl:when>
      <!-- hours and minutes (PT40H: 40 hours on the SLA clock, never "1 day 16 h") -->
      <xsl:when test="starts-with($d, 'PT')"><func:result select="f:hm(f:seconds-of($d))"/></xsl:when>
      <xsl:otherwise><func:result select="slm:duration(string($d), $lang)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- seconds in hours and minutes, never days: time on the SLA clock counts service hours only,
       so "30 小时" must not read as "1 天 6 小时".  4 小时 45 分钟 / 4 h 45 min; NaN: a dash -->
  <func:function name="f:hm">
    <xsl:param name="secs"/>
    <xsl:variable name="n" select="number($secs)"/>
    <xsl:variable name="h" select="floor($n div 3600)"/>
    <xsl:variable name="m" select="floor(($n mod 3600) div 60)"/>
    <xsl:choose>
      <xsl:when test="string($n) = 'NaN' or $n &lt; 0"><func:result select="f:t('dash')"/></xsl:when>
      <xsl:when test="$h &gt; 0 and $m &gt; 0"><func:result select="concat($h, f:t('unit.h'), ' ', $m, f:t('unit.min'))"/></xsl:when>
      <xsl:when test="$h &gt; 0"><func:result select="concat($h, f:t('unit.h'))"/></xsl:when>
      <xsl:otherwise><func:result select="concat($m, f:t('unit.min'))"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- seconds of an xs:duration (days of 24 h; months of 30 days, years of 365: targets use
       hours and minutes) -->
  <func:function name="f:seconds-of">
    <xsl:param name="d"/>
    <xsl:variable name="body" select="substring-after($d, 'P')"/>
    <xsl:variable name="date-part" select="substring-before(concat($body, 'T'), 'T')"/>
    <xsl:variable name="time-part" select="substring-after($body, 'T')"/>
    <func:result select="f:dur-part($date-part, false()) + f:dur-part($time-part, true())"/>
  </func:function>
  <func:function name="f:dur-part">
    <xsl:param name="s"/>
    <xsl:param name="time"/>
    <xsl:variable name="unit" select="substring(translate($s, '0123456789.', ''), 1, 1)"/>
    <xsl:choose>
      <xsl:when test="$unit = ''"><func:result select="0"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="n" select="number(substring-before($s, $unit))"/>
        <xsl:variable name="factor">
          <xsl:choose>
            <xsl:when test="$unit = 'Y'">31536000</xsl:when>
            <xsl:when test="$unit = 'M' and not($time)">2592000</xsl:when>
            <xsl:when test="$unit = 'W'">604800</xsl:when>
            <xsl:when test="$unit = 'D'">86400</xsl:when>
            <xsl:when test="$unit = 'H'">3600</xsl:when>
            <xsl:when test="$unit = 'M'">60</xsl:when>
            <xsl:otherwise>1</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <func:result select="$n * $factor + f:dur-part(substring-after($s, $unit), $time)"/>
      </xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- shorten a string to about W units (a CJK character counts 2, others 1) -->
  <func:function name="f:clip">
    <xsl:param name="s"/>
    <xsl:param name="w"/>
    <xsl:choose>
      <xsl:when test="f:width($s) &lt;= $w"><func:result select="string($s)"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="cut" select="f:clip-to($s, $w - 1, '')"/>
        <xsl:variable name="word" select="f:before-last($cut, ' ')"/>
        <xsl:choose>
          <!-- Latin text: cut at the last space, not inside a word -->
          <xsl:when test="string-length($word) &gt; string-length($cut) div 2"><func:result select="concat($word, ' …')"/></xsl:when>
          <xsl:otherwise><func:result select="concat($cut, '…')"/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </func:function>
  <!-- S up to its last SEP (without it), or '' -->
  <func:function name="f:before-last">
    <xsl:param name="s"/>
    <xsl:param name="sep"/>
    <xsl:choose>
      <xsl:when test="contains(substring-after($s, $sep), $sep)">
        <func:result select="concat(substring-before($s, $sep), $sep, f:before-last(substring-after($s, $sep), $sep))"/>
      </xsl:when>
      <xsl:when test="contains($s, $sep)"><func:result select="substring-before($s, $sep)"/></xsl:when>
      <xsl:otherwise><func:result select="''"/></xsl:otherwise>
    </xsl:choose>
  </func:function>
  <func:function name="f:width">
    <xsl:param name="s"/>
    <!-- characters that are neither ASCII nor Latin-1-ish letters count double -->
    <xsl:variable name="narrow" select="translate($s, translate($s, ' !&quot;#$%&amp;()*+,-./0123456789:;&lt;=&gt;?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~äöüÄÖÜßéèàç·–—…', ''), '')"/>
    <func:result select="string-length($narrow) + 2 * (string-length($s) - string-length($narrow))"/>
  </func:function>
  <func:function name="f:clip-to">
    <xsl:param name="s"/>
    <xsl:param name="w"/>
    <xsl:param name="acc"/>
    <xsl:variable name="c" select="substring($s, 1, 1)"/>
    <xsl:choose>
      <xsl:when test="$c = '' or f:width(concat($acc, $c)) &gt; $w"><func:result select="$acc"/></xsl:when>
      <xsl:otherwise><func:result select="f:clip-to(substring($s, 2), $w, concat($acc, $c))"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- ===================================================================== hours and tiers -->

  <func:function name="f:day-index">
    <xsl:param name="d"/>
    <func:result select="string-length(substring-before('montuewedthufrisatsun', $d)) div 3 + 1"/>
  </func:function>

  <!-- the number of days in a day list: mon-fri,sun -> 6 -->
  <func:function name="f:day-count">
    <xsl:param name="days"/>
    <xsl:variable name="n">
      <xsl:for-each select="str:tokenize($days, ',')">
        <xsl:choose>
          <xsl:when test="contains(., '-')">
            <d n="{f:day-index(substring-after(., '-')) - f:day-index(substring-before(., '-')) + 1}"/>
          </xsl:when>
          <xsl:otherwise><d n="1"/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <func:result select="sum(exsl:node-set($n)/*/@n)"/>
  </func:function>

  <!-- 每日 / 周一至周五 / Mon–Fri, Sun -->
  <func:function name="f:days">
    <xsl:param name="days"/>
    <xsl:variable name="out">
      <xsl:for-each select="str:tokenize($days, ',')">
        <xsl:if test="position() &gt; 1"><xsl:value-of select="f:t('days.sep')"/></xsl:if>
        <xsl:choose>
          <xsl:when test=". = 'mon-sun'"><xsl:value-of select="f:t('days.all')"/></xsl:when>
          <xsl:when test="contains(., '-')">
            <xsl:value-of select="concat(f:t(concat('day.', substring-before(., '-'))), f:t('days.to'), f:t(concat('day.', substring-after(., '-'))))"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="f:t(concat('day.', .))"/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <func:result select="string($out)"/>
  </func:function>

  <func:function name="f:minutes">
    <xsl:param name="hm"/>
    <func:result select="substring-before($hm, ':') * 60 + substring-after($hm, ':')"/>
  </func:function>

  <!-- the windows of HOURS (a node-set of <hours>) in words: 每日 08:00–20:00；… -->
  <func:function name="f:hours">
    <xsl:param name="hours"/>
    <xsl:variable name="out">
      <!-- windows of the same days read as one: 周一至周五 09:00–12:00、13:00–18:00 -->
      <xsl:for-each select="$hours">
        <xsl:variable name="days" select="string(@days)"/>
        <xsl:variable name="wd" select="string(@workdays)"/>
        <xsl:if test="not(preceding-sibling::s:hours[@days = $days][string(@workdays) = $wd])">
          <xsl:if test="position() &gt; 1"><xsl:value-of select="f:t('hours.sep')"/></xsl:if>
          <xsl:value-of select="concat(f:days(@days), ' ')"/>
          <xsl:for-each select="$hours[@days = $days][string(@workdays) = $wd]">
            <xsl:if test="position() &gt; 1"><xsl:value-of select="f:t('list-sep')"/></xsl:if>
            <xsl:value-of select="concat(@from, '–', @to)"/>
          </xsl:for-each>
          <xsl:if test="$wd = 'only'"><xsl:value-of select="f:t('hours.workdays')"/></xsl:if>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <func:result select="string($out)"/>
  </func:function>

  <!-- 7×24, 7×12, 5×8: days × hours a day, when every window has the same days -->
  <func:function name="f:pattern">
    <xsl:param name="hours"/>
    <xsl:variable name="mins">
      <xsl:for-each select="$hours"><m n="{f:minutes(@to) - f:minutes(@from)}"/></xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$hours and not($hours[@days != $hours[1]/@days])">
        <func:result select="concat(f:day-count($hours[1]/@days), '×', sum(exsl:node-set($mins)/*/@n) div 60)"/>
      </xsl:when>
      <xsl:otherwise><func:result select="''"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- the catalog tier of a level (an empty node-set without a catalog) -->
  <func:function name="f:tier-node">
    <xsl:param name="level"/>
    <xsl:choose>
      <xsl:when test="$catalog">
        <xsl:for-each select="$catalog[1]"><func:result select="key('f:catalog-tier', $level)"/></xsl:for-each>
      </xsl:when>
      <xsl:otherwise><func:result select="/.."/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- the catalog's service ID (an empty node-set without a catalog) -->
  <func:function name="f:catalog-service">
    <xsl:param name="id"/>
    <xsl:choose>
      <xsl:when test="$catalog">
        <xsl:for-each select="$catalog[1]"><func:result select="key('f:catalog-service', $id)"/></xsl:for-each>
      </xsl:when>
      <xsl:otherwise><func:result select="/.."/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- 1 级（高，7×24） / Tier 1 (High, 7×24) -->
  <func:function name="f:tier">
    <xsl:param name="level"/>
    <xsl:variable name="t" select="f:tier-node($level)"/>
    <xsl:variable name="p" select="f:pattern($t/s:hours)"/>
    <xsl:variable name="inner">
      <xsl:value-of select="$t/@name"/>
      <xsl:if test="$t/@name and $p != ''"><xsl:value-of select="f:t('comma')"/></xsl:if>
      <xsl:value-of select="$p"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string($inner) != ''"><func:result select="concat(f:tn('tier.n', $level), f:paren($inner))"/></xsl:when>
      <xsl:otherwise><func:result select="f:tn('tier.n', $level)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- the hours of a tier level in words -->
  <func:function name="f:tier-hours">
    <xsl:param name="level"/>
    <func:result select="f:hours(f:tier-node($level)/s:hours)"/>
  </func:function>

  <!-- ===================================================================== effective SLA -->

  <!-- The effective SLA is slm's model's (slm:effective, one definition for the rules, slm diff
       and these stylesheets): the signed additional SLAs of BASE in effect on DATE -->
  <func:function name="f:applied">
    <xsl:param name="base"/>
    <xsl:param name="date"/>
    <func:result select="slm:referring('sla', 'amends', string($base/@id))[@id = slm:effective(string($base/@id), string($date))/s:applied/@ref]"/>
  </func:function>

  <!-- The services of the effective SLA of BASE on DATE, as copies of <s:service> with two
       attributes added: src (the SLA that defines it) and since (an additional SLA's effective
       date).  Services removed appear as <s:removed service= src= since=>text</s:removed>. -->
  <func:function name="f:effective-services">
    <xsl:param name="base"/>
    <xsl:param name="date"/>
    <func:result select="slm:effective(string($base/@id), string($date))/s:*[self::s:service or self::s:removed]"/>
  </func:function>

  <!-- The elements named NAME (term, reporting, review, charges, credit) of the effective SLA of
       BASE on DATE, each with src and since. -->
  <func:function name="f:effective-part">
    <xsl:param name="base"/>
    <xsl:param name="date"/>
    <xsl:param name="name"/>
    <func:result select="slm:effective(string($base/@id), string($date))/s:*[local-name() = $name]"/>
  </func:function>

  <!-- ===================================================================== frame -->

  <!--
    document: the whole layout document.  BODY is the content (blocks); headings of level 1 and 2
    get numbers unless they carry nonum="true" (removed from the output).
  -->
  <xsl:template name="document">
    <xsl:param name="title"/>
    <xsl:param name="kind"/>
    <xsl:param name="id" select="$root/@id"/>
    <xsl:param name="version" select="$root/@version"/>
    <xsl:param name="date" select="''"/>
    <xsl:param name="draft" select="$root/@status = 'draft'"/>
    <xsl:param name="subject" select="concat($kind, ' ', $id)"/>
    <xsl:param name="keywords" select="''"/>
    <xsl:param name="author" select="string($org/@name)"/>
    <xsl:param name="footer-left" select="string($org/@name)"/>
    <xsl:param name="body"/>
    <document lang="{$lang}" page="A4">
      <meta title="{normalize-space($title)}" subject="{$subject}">
        <xsl:if test="string($author) != ''"><xsl:attribute name="author"><xsl:value-of select="$author"/></xsl:attribute></xsl:if>
        <xsl:if test="string($keywords) != ''"><xsl:attribute name="keywords"><xsl:value-of select="$keywords"/></xsl:attribute></xsl:if>
        <xsl:if test="string($date) != ''"><xsl:attribute name="date"><xsl:value-of select="$date"/></xsl:attribute></xsl:if>
      </meta>
      <header>
        <left><xsl:value-of select="f:clip(normalize-space($title), 60)"/></left>
        <right>
          <xsl:value-of select="$id"/>
          <xsl:if test="string($version) != ''">
            <xsl:value-of select="concat(f:t('sep'), f:t('version'), ' ', $version)"/>
          </xsl:if>
        </right>
      </header>
      <footer>
        <left><xsl:value-of select="f:clip($footer-left, 40)"/></left>
        <center>
          <xsl:variable name="p" select="f:t('page')"/>
          <xsl:value-of select="substring-before($p, '#')"/>
          <page-number/>
          <xsl:value-of select="substring-before(substring-after($p, '#'), '##')"/>
          <page-count/>
          <xsl:value-of select="substring-after($p, '##')"/>
        </center>
        <right><xsl:value-of select="$kind"/></right>
      </footer>
      <xsl:if test="$draft">
        <watermark><xsl:value-of select="f:t('draft')"/></watermark>
      </xsl:if>
      <xsl:variable name="tree" select="exsl:node-set($body)"/>
      <xsl:apply-templates select="$tree/node()" mode="finish">
        <xsl:with-param name="numbers" select="exsl:node-set(f:heading-numbers($tree))"/>
      </xsl:apply-templates>
    </document>
  </xsl:template>

  <!--
    The numbers of the headings of TREE, one <f:n id="generate-id()" v="2.3"/> per numbered level 1
    and 2 heading: a chapter is a level 1 heading, its sections the level 2 headings between it and
    the next (those before the first chapter count as chapter 1's, as they always have).  Counted
    by position(), once per chapter over what follows it: linear in the document for the handful
    of chapters a stylesheet writes (counting preceding headings for each heading was quadratic,
    and an SLA of 1,000 services ran into the XPath operation limit).
  -->
  <func:function name="f:heading-numbers">
    <xsl:param name="tree"/>
    <xsl:variable name="h1s" select="$tree//l:h[@level = 1][not(@nonum)]"/>
    <xsl:variable name="h2s" select="$tree//l:h[@level = 2][not(@nonum)]"/>
    <!-- (each count in a variable of its own: in a predicate it would be counted per node) -->
    <xsl:variable name="before" select="count($h2s) - count($h1s[1]/following::l:h[@level = 2][not(@nonum)])"/>
    <xsl:variable name="numbers">
      <xsl:for-each select="$h2s[position() &lt;= $before]">
        <f:n id="{generate-id()}" v="1.{position()}"/>
      </xsl:for-each>
      <xsl:for-each select="$h1s">
        <xsl:variable name="c" select="position()"/>
        <xsl:variable name="after" select="following::l:h[@level = 2][not(@nonum)]"/>
        <xsl:variable name="own" select="count($after) - count($h1s[$c + 1]/following::l:h[@level = 2][not(@nonum)])"/>
        <f:n id="{generate-id()}" v="{$c}"/>
        <xsl:for-each select="$after[position() &lt;= $own]">
          <f:n id="{generate-id()}" v="{$c}.{position()}"/>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <func:result select="$numbers"/>
  </func:function>

  <!-- the finishing pass: number headings (NUMBERS: f:heading-numbers), drop private attributes -->
  <xsl:template match="*" mode="finish">
    <xsl:param name="numbers"/>
    <xsl:copy>
      <xsl:copy-of select="@*[local-name() != 'nonum']"/>
      <xsl:apply-templates select="node()" mode="finish">
        <xsl:with-param name="numbers" select="$numbers"/>
      </xsl:apply-templates>
    </xsl:copy>
  </xsl:template>
  <xsl:template match="text()" mode="finish">
    <xsl:copy/>
  </xsl:template>
  <!-- one predicate: libxslt matches a pattern with two ([a][b]) by counting the node's position
       among its siblings, quadratic in a section of 1,000 services -->
  <xsl:template match="l:h[(@level = 1 or @level = 2) and not(@nonum)]" mode="finish">
    <xsl:param name="numbers"/>
    <xsl:variable name="id" select="generate-id()"/>
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:for-each select="$numbers">
        <xsl:value-of select="key('f:heading-number', $id)/@v"/>
      </xsl:for-each>
      <xsl:text>  </xsl:text>
      <xsl:apply-templates select="node()" mode="finish">
        <xsl:with-param name="numbers" select="$numbers"/>
      </xsl:apply-templates>
    </xsl:copy>
  </xsl:template>

  <!-- the title block: title, a subtitle line, and the key facts as key-value pairs -->
  <xsl:template name="title-block">
    <xsl:param name="title"/>
    <xsl:param name="subtitle"/>
    <xsl:param name="facts"/>
    <xsl:param name="intro" select="''"/>
    <xsl:param name="toc" select="true()"/>
    <p style="title" align="center" keep-with-next="true"><xsl:value-of select="normalize-space($title)"/></p>
    <p style="subtitle" align="center" keep-with-next="true"><xsl:value-of select="$subtitle"/></p>
    <xsl:if test="exsl:node-set($facts)/*">
      <kv><xsl:copy-of select="$facts"/></kv>
    </xsl:if>
    <xsl:if test="normalize-space($intro) != ''"><p><xsl:value-of select="normalize-space($intro)"/></p></xsl:if>
    <xsl:if test="$toc"><toc title="{f:t('toc')}"/></xsl:if>
  </xsl:template>

  <!-- ===================================================================== signatures -->

  <!-- one <signature> of the layout from an agreement's <signature>; PREFERRED is the role the
       provider's signer is expected to hold -->
  <xsl:template match="s:signature" mode="signature">
    <xsl:param name="preferred" select="'service-level-manager'"/>
    <xsl:param name="prefix" select="''"/>
    <xsl:variable name="provider" select="@person and (not(@party) or @party = $org-id)"/>
    <signature>
      <xsl:attribute name="party">
        <xsl:value-of select="$prefix"/>
        <xsl:choose>
          <xsl:when test="@party"><xsl:value-of select="f:party(string(@party))"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="f:person-dept(string(@person))"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:attribute name="role">
        <xsl:choose>
          <xsl:when test="$provider"><xsl:value-of select="f:role(string(@person), $preferred)"/></xsl:when>
          <xsl:when test="$org/s:supplier[@id = current()/@party]"><xsl:value-of select="f:t('role.supplier')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="f:t('role.customer')"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:choose>
        <xsl:when test="@person"><xsl:attribute name="name"><xsl:value-of select="f:person(string(@person))"/></xsl:attribute></xsl:when>
        <xsl:when test="@name"><xsl:attribute name="name"><xsl:value-of select="@name"/></xsl:attribute></xsl:when>
      </xsl:choose>
      <xsl:if test="@date"><xsl:attribute name="date"><xsl:value-of select="f:date(@date)"/></xsl:attribute></xsl:if>
    </signature>
  </xsl:template>

  <!-- a sign-off line for a person of the organization (no date: to be signed) -->
  <xsl:template name="sign-line">
    <xsl:param name="person" select="''"/>
    <xsl:param name="action" select="''"/>
    <xsl:param name="party" select="string($org/@name)"/>
    <xsl:param name="role" select="''"/>
    <xsl:param name="name" select="''"/>
    <xsl:param name="date" select="''"/>
    <signature party="{$action}{$party}">
      <xsl:if test="$role != ''"><xsl:attribute name="role"><xsl:value-of select="$role"/></xsl:attribute></xsl:if>
      <xsl:choose>
        <xsl:when test="$person != ''"><xsl:attribute name="name"><xsl:value-of select="f:person($person)"/></xsl:attribute></xsl:when>
        <xsl:when test="$name != ''"><xsl:attribute name="name"><xsl:value-of select="$name"/></xsl:attribute></xsl:when>
      </xsl:choose>
      <xsl:if test="$date != ''"><xsl:attribute name="date"><xsl:value-of select="f:date($date)"/></xsl:attribute></xsl:if>
    </signature>
  </xsl:template>

  <!-- the latest date among NODES (attribute nodes holding dates), or '' -->
  <func:function name="f:latest">
    <xsl:param name="nodes"/>
    <xsl:variable name="d">
      <xsl:for-each select="$nodes">
        <xsl:sort select="f:num(.)" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <func:result select="string($d)"/>
  </func:function>

  <!-- ===================================================================== targets -->

  <!-- a table of response and resolution targets per priority of TARGETS (an element holding
       <response>/<resolution>), optionally beside the SLA's targets COMPARE -->
  <xsl:template name="targets-table">
    <xsl:param name="targets"/>
    <xsl:param name="caption" select="''"/>
    <xsl:variable name="prios" select="$targets/s:response/@priority | $targets/s:resolution/@priority"/>
    <xsl:if test="$prios">
      <table widths="1* 2* 2*" keep-together="true">
        <xsl:if test="$caption != ''"><caption><xsl:value-of select="$caption"/></caption></xsl:if>
        <head><row><cell><xsl:value-of select="f:t('priority')"/></cell><cell><xsl:value-of select="f:t('response')"/></cell><cell><xsl:value-of select="f:t('resolution')"/></cell></row></head>
        <body>
          <xsl:for-each select="$prios">
            <xsl:sort select="."/>
            <xsl:if test="not(../preceding-sibling::*[@priority = current()])">
              <row>
                <cell><xsl:value-of select="."/></cell>
                <cell><xsl:value-of select="f:dur($targets/s:response[@priority = current()]/@within)"/></cell>
                <cell><xsl:value-of select="f:dur($targets/s:resolution[@priority = current()]/@within)"/></cell>
              </row>
            </xsl:if>
          </xsl:for-each>
        </body>
      </table>
    </xsl:if>
  </xsl:template>

  <!-- "P1 响应 15 分钟、解决 4 小时；P2 …" -->
  <func:function name="f:targets-text">
    <xsl:param name="targets"/>
    <xsl:variable name="out">
      <xsl:for-each select="$targets/s:response | $targets/s:resolution">
        <xsl:sort select="@priority"/>
        <xsl:variable name="p" select="@priority"/>
        <xsl:if test="not(preceding-sibling::*[@priority = $p][self::s:response or self::s:resolution])">
          <xsl:if test="position() &gt; 1"><xsl:value-of select="f:t('hours.sep')"/></xsl:if>
          <xsl:value-of select="$p"/>
          <xsl:if test="$targets/s:response[@priority = $p]">
            <xsl:value-of select="concat(' ', f:t('response'), ' ', f:dur($targets/s:response[@priority = $p]/@within))"/>
          </xsl:if>
          <xsl:if test="$targets/s:resolution[@priority = $p]">
            <xsl:if test="$targets/s:response[@priority = $p]"><xsl:value-of select="f:t('list-sep')"/></xsl:if>
            <xsl:value-of select="concat(f:t('resolution'), ' ', f:dur($targets/s:resolution[@priority = $p]/@within))"/>
          </xsl:if>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <func:result select="string($out)"/>
  </func:function>

</xsl:stylesheet>
