<?xml version="1.0" encoding="UTF-8"?>
<!--
  catalog.xsl: 服务目录 / service catalogue (seed step 3 编制服务目录 and change step 1 服务目录更新; the
  capability is step 4's 服务提供能力相关数据).  The tiers with their service hours, an overview of
  every service with its price per tier, then each service: its description, its components
  (internal department or supplier), its offers with price and standard targets (the most an SLA
  may promise), and the delivery capability the providing department reported.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1"
    xmlns:s="urn:slm:1"
    xmlns:slm="urn:slm:xslt:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:f="urn:slm:stylesheet-functions"
    exclude-result-prefixes="s slm exsl f">

  <xsl:import href="common.xsl"/>

  <xsl:variable name="labels-table">
    <e k="currency" zh="币种" en="Currency"/>
    <e k="type" zh="类型" en="Type"/>
    <e k="overview-per" zh="价格为每#的价格（#）。" en="Prices per #, in ##."/>
    <e k="count" zh="服务数量" en="Services"/>
    <e k="count.n" zh="# 项服务，## 个服务等级" en="# services in ## tiers"/>
    <e k="tiers" zh="服务等级" en="Service tiers"/>
    <e k="tiers-intro" zh="服务等级决定服务时间：响应与解决时间只在服务时间内计算。" en="A tier sets the service hours: response and resolution times count only inside them."/>
    <e k="onsite" zh="驻场" en="On-site"/>
    <e k="content" zh="服务内容" en="Description"/>
    <e k="overview" zh="服务与价格一览" en="Services and prices"/>
    <e k="overview-intro" zh="下表列出每项服务在各服务等级的价格；“—”表示该等级不提供。" en="The price of each service at each tier; “—”: not offered at that tier."/>
    <e k="category" zh="类别" en="Category"/>
    <e k="services-section" zh="服务说明" en="Services"/>
    <e k="components" zh="服务组成" en="Components"/>
    <e k="component" zh="组成部分" en="Component"/>
    <e k="provided-by" zh="提供方" en="Provided by"/>
    <e k="internal" zh="内部部门（OLA）" en="Internal department (OLA)"/>
    <e k="external" zh="供应商（支持合同）" en="Supplier (underpinning contract)"/>
    <e k="expected" zh="预期可用性" en="Expected availability"/>
    <e k="offers" zh="服务等级、价格与标准目标" en="Tiers, prices and standard targets"/>
    <e k="offers-intro" zh="标准目标是服务级别协议在该等级可以承诺的最高水平。" en="The standard targets are the most a service level agreement may promise at that tier."/>
    <e k="price" zh="价格" en="Price"/>
    <e k="capability" zh="服务提供能力" en="Delivery capability"/>
    <e k="capability-by" zh="由 # 于 ## 报送" en="reported by # on ##"/>
    <e k="capability-by-dept" zh="由 # 报送" en="reported by #"/>
    <e k="category.database" zh="数据库" en="Database"/>
    <e k="category.network" zh="网络" en="Network"/>
    <e k="category.hosting" zh="主机托管" en="Hosting"/>
    <e k="category.middleware" zh="中间件" en="Middleware"/>
    <e k="category.desktop" zh="桌面" en="Desktop"/>
    <e k="category.security" zh="安全" en="Security"/>
    <e k="sign" zh="发布" en="Approval"/>
    <e k="prepared" zh="编制（服务级别经理）" en="Prepared by (service level manager)"/>
    <e k="approved" zh="批准" en="Approved by"/>
  </xsl:variable>
  <xsl:variable name="labels" select="exsl:node-set($labels-table)/*"/>

  <xsl:template match="/s:catalog">
    <xsl:variable name="cat" select="."/>
    <xsl:call-template name="document">
      <xsl:with-param name="title" select="concat(s:title, substring(concat(f:t('kind.catalog'), ' ', @id), 1, 1000 * not(s:title)))"/>
      <xsl:with-param name="kind" select="f:t('kind.catalog')"/>
      <xsl:with-param name="date" select="f:latest(s:service/s:capability/@date)"/>
      <xsl:with-param name="keywords" select="normalize-space(concat(@id, ' ', @currency))"/>
      <xsl:with-param name="body">
        <xsl:call-template name="title-block">
          <xsl:with-param name="title" select="concat(s:title, substring(concat(f:t('kind.catalog'), ' ', @id), 1, 1000 * not(s:title)))"/>
          <xsl:with-param name="subtitle" select="concat(f:t('kind.catalog'), f:t('sep'), @id)"/>
          <xsl:with-param name="facts">
            <pair key="{f:t('provider')}"><xsl:value-of select="$org/@name"/></pair>
            <pair key="{f:t('count')}"><xsl:value-of select="f:t2('count.n', count(s:service), count(s:tier))"/></pair>
            <pair key="{f:t('currency')}"><xsl:value-of select="@currency"/></pair>
            <pair key="{f:t('calendar')}"><xsl:value-of select="f:calendar(@calendar)"/></pair>
          </xsl:with-param>
          <xsl:with-param name="intro" select="s:description"/>
        </xsl:call-template>

        <!-- tiers -->
        <section>
          <h level="1"><xsl:value-of select="f:t('tiers')"/></h>
          <p><xsl:value-of select="f:t('tiers-intro')"/></p>
          <table widths="3* 4* 1.5* 6*">
            <head>
              <row>
                <cell><xsl:value-of select="f:t('tier')"/></cell>
                <cell><xsl:value-of select="f:t('hours')"/></cell>
                <cell align="center"><xsl:value-of select="f:t('onsite')"/></cell>
                <cell><xsl:value-of select="f:t('content')"/></cell>
              </row>
            </head>
            <body>
              <xsl:for-each select="s:tier">
                <xsl:sort select="@level" data-type="number"/>
                <row>
                  <cell><strong><xsl:value-of select="f:tier(string(@level))"/></strong></cell>
                  <cell><xsl:value-of select="f:hours(s:hours)"/></cell>
                  <cell align="center">
                    <xsl:choose>
                      <xsl:when test="@onsite = 'true' or @onsite = '1'"><xsl:value-of select="f:t('yes')"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="f:t('no')"/></xsl:otherwise>
                    </xsl:choose>
                  </cell>
                  <cell><xsl:value-of select="normalize-space(s:description)"/></cell>
                </row>
              </xsl:for-each>
            </body>
          </table>
        </section>

        <!-- overview -->
        <section>
          <h level="1"><xsl:value-of select="f:t('overview')"/></h>
          <xsl:variable name="per" select="string(s:service/s:offer[1]/@per)"/>
          <xsl:variable name="uniform" select="not(s:service/s:offer[@per != $per])"/>
          <p>
            <xsl:value-of select="f:t('overview-intro')"/>
            <xsl:if test="$uniform and $lang = 'en'"><xsl:value-of select="concat(' ', f:t2('overview-per', f:per-unit($per), @currency))"/></xsl:if>
            <xsl:if test="$uniform and $lang != 'en'"><xsl:value-of select="concat('价格为每', f:per-unit($per), '价格（', @currency, '）。')"/></xsl:if>
          </p>
          <xsl:variable name="tiers" select="s:tier"/>
          <xsl:variable name="widths">
            <xsl:text>5* 2.2*</xsl:text>
            <xsl:for-each select="$tiers"> 3*</xsl:for-each>
          </xsl:variable>
          <table widths="{$widths}">
            <head>
              <row>
                <cell><xsl:value-of select="f:t('service')"/></cell>
                <cell><xsl:value-of select="f:t('category')"/></cell>
                <xsl:for-each select="$tiers">
                  <xsl:sort select="@level" data-type="number"/>
                  <cell align="right"><xsl:value-of select="f:tier(string(@level))"/></cell>
                </xsl:for-each>
              </row>
            </head>
            <body>
              <xsl:for-each select="s:service">
                <xsl:variable name="svc" select="."/>
                <row>
                  <cell><strong><xsl:value-of select="normalize-space(s:name)"/></strong><br/><xsl:value-of select="@id"/></cell>
                  <cell><xsl:if test="@category"><xsl:value-of select="f:t(concat('category.', @category))"/></xsl:if></cell>
                  <xsl:for-each select="$tiers">
                    <xsl:sort select="@level" data-type="number"/>
                    <xsl:variable name="o" select="$svc/s:offer[@tier = current()/@level]"/>
                    <cell align="right">
                      <xsl:choose>
                        <xsl:when test="$o and $uniform"><xsl:value-of select="f:money($o/@price, $cat/@currency)"/></xsl:when>
                        <xsl:when test="$o"><xsl:value-of select="f:money-per($o/@price, $cat/@currency, $o/@per)"/></xsl:when>
                        <xsl:otherwise><xsl:value-of select="f:t('dash')"/></xsl:otherwise>
                      </xsl:choose>
                    </cell>
                  </xsl:for-each>
                </row>
              </xsl:for-each>
            </body>
          </table>
        </section>

        <!-- each service -->
        <section>
          <h level="1"><xsl:value-of select="f:t('services-section')"/></h>
          <xsl:for-each select="s:service">
            <xsl:call-template name="service">
              <xsl:with-param name="currency" select="$cat/@currency"/>
            </xsl:call-template>
          </xsl:for-each>
        </section>

        <section keep-together="true">
          <h level="1"><xsl:value-of select="f:t('sign')"/></h>
          <signatures>
            <signature party="{f:t('act.prepared')}{$org/@name}" role="{f:t('role.service-level-manager')}"/>
            <signature party="{f:t('act.approved')}{$org/@name}"/>
          </signatures>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="service">
    <xsl:param name="currency"/>
    <section>
      <h level="2"><xsl:value-of select="concat(normalize-space(s:name), f:paren(@id))"/></h>
      <xsl:if test="s:description"><p><xsl:value-of select="normalize-space(s:description)"/></p></xsl:if>

      <xsl:if test="s:component">
        <table widths="6* 5* 4* 2.5*" keep-together="true">
          <caption><xsl:value-of select="f:t('components')"/></caption>
          <head>
            <row>
              <cell><xsl:value-of select="f:t('component')"/></cell>
              <cell><xsl:value-of select="f:t('provided-by')"/></cell>
              <cell><xsl:value-of select="f:t('type')"/></cell>
              <cell align="right"><xsl:value-of select="f:t('expected')"/></cell>
            </row>
          </head>
          <body>
            <xsl:for-each select="s:component">
              <row>
                <cell><xsl:value-of select="@name"/></cell>
                <cell>
                  <xsl:choose>
                    <xsl:when test="@dept"><xsl:value-of select="f:dept(string(@dept))"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="f:party(string(@supplier))"/></xsl:otherwise>
                  </xsl:choose>
                </cell>
                <cell>
                  <xsl:choose>
                    <xsl:when test="@dept"><xsl:value-of select="f:t('internal')"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="f:t('external')"/></xsl:otherwise>
                  </xsl:choose>
                </cell>
                <cell align="right"><xsl:value-of select="f:pct(@availability)"/></cell>
              </row>
            </xsl:for-each>
          </body>
        </table>
      </xsl:if>

      <xsl:if test="s:offer">
        <table widths="4* 4* 2.5* 1.5* 2.5* 2.5*" keep-together="true">
          <caption><xsl:value-of select="f:t('offers')"/></caption>
          <head>
            <row>
              <cell><xsl:value-of select="f:t('tier')"/></cell>
              <cell align="right"><xsl:value-of select="f:t('price')"/></cell>
              <cell align="right"><xsl:value-of select="f:t('availability')"/></cell>
              <cell><xsl:value-of select="f:t('priority')"/></cell>
              <cell><xsl:value-of select="f:t('response')"/></cell>
              <cell><xsl:value-of select="f:t('resolution')"/></cell>
            </row>
          </head>
          <body>
            <xsl:for-each select="s:offer">
              <xsl:sort select="@tier" data-type="number"/>
              <xsl:variable name="o" select="."/>
              <xsl:variable name="prios-rtf">
                <xsl:for-each select="s:response | s:resolution">
                  <xsl:sort select="@priority"/>
                  <xsl:variable name="p" select="@priority"/>
                  <xsl:if test="not(preceding-sibling::*[self::s:response or self::s:resolution][@priority = $p])">
                    <p v="{$p}"/>
                  </xsl:if>
                </xsl:for-each>
              </xsl:variable>
              <xsl:variable name="prios" select="exsl:node-set($prios-rtf)/*"/>
              <row>
                <cell><strong><xsl:value-of select="f:tier(string(@tier))"/></strong></cell>
                <cell align="right"><xsl:value-of select="f:money-per(@price, $currency, @per)"/></cell>
                <cell align="right"><xsl:value-of select="f:pct(s:availability/@target)"/></cell>
                <cell><xsl:value-of select="$prios[1]/@v"/></cell>
                <cell><xsl:if test="$prios"><xsl:value-of select="f:dur($o/s:response[@priority = $prios[1]/@v]/@within)"/></xsl:if></cell>
                <cell><xsl:if test="$prios"><xsl:value-of select="f:dur($o/s:resolution[@priority = $prios[1]/@v]/@within)"/></xsl:if></cell>
              </row>
              <xsl:for-each select="$prios[position() &gt; 1]">
                <row>
                  <cell/>
                  <cell/>
                  <cell/>
                  <cell><xsl:value-of select="@v"/></cell>
                  <cell><xsl:value-of select="f:dur($o/s:response[@priority = current()/@v]/@within)"/></cell>
                  <cell><xsl:value-of select="f:dur($o/s:resolution[@priority = current()/@v]/@within)"/></cell>
                </row>
              </xsl:for-each>
            </xsl:for-each>
          </body>
        </table>
      </xsl:if>

      <xsl:for-each select="s:capability">
        <p>
          <strong><xsl:value-of select="concat(f:t('capability'), f:t('colon'))"/></strong>
          <xsl:value-of select="concat(f:t('availability'), ' ', f:pct(@availability))"/>
          <xsl:variable name="tt" select="f:targets-text(.)"/>
          <xsl:if test="$tt != ''"><xsl:value-of select="concat(f:t('hours.sep'), $tt)"/></xsl:if>
          <xsl:choose>
            <xsl:when test="@dept and @date"><xsl:value-of select="f:paren(f:t2('capability-by', f:dept(string(@dept)), f:date(@date)))"/></xsl:when>
            <xsl:when test="@dept"><xsl:value-of select="f:paren(f:tn('capability-by-dept', f:dept(string(@dept))))"/></xsl:when>
          </xsl:choose>
          <xsl:value-of select="f:t('full-stop')"/>
        </p>
      </xsl:for-each>
    </section>
  </xsl:template>

</xsl:stylesheet>
