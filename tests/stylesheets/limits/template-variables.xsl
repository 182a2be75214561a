<?xml version="1.0" encoding="UTF-8"?>
<!-- 100 variables in each of 300 nested calls (under the depth limit): stopped at slm's 20000
     variables and parameters in scope. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1">
  <xsl:template match="/">
    <document><meta title="t"/><p><xsl:call-template name="level"/></p></document>
  </xsl:template>
  <xsl:template name="level">
    <xsl:param name="n" select="0"/>
    <xsl:variable name="v0" select="0"/>
    <xsl:variable name="v1" select="1"/>
    <xsl:variable name="v2" select="2"/>
    <xsl:variable name="v3" select="3"/>
    <xsl:variable name="v4" select="4"/>
    <xsl:variable name="v5" select="5"/>
    <xsl:variable name="v6" select="6"/>
    <xsl:variable name="v7" select="7"/>
    <xsl:variable name="v8" select="8"/>
    <xsl:variable name="v9" select="9"/>
    <xsl:variable name="v10" select="10"/>
    <xsl:variable name="v11" select="11"/>
    <xsl:variable name="v12" select="12"/>
    <xsl:variable name="v13" select="13"/>
    <xsl:variable name="v14" select="14"/>
    <xsl:variable name="v15" select="15"/>
    <xsl:variable name="v16" select="16"/>
    <xsl:variable name="v17" select="17"/>
    <xsl:variable name="v18" select="18"/>
    <xsl:variable name="v19" select="19"/>
    <xsl:variable name="v20" select="20"/>
    <xsl:variable name="v21" select="21"/>
    <xsl:variable name="v22" select="22"/>
    <xsl:variable name="v23" select="23"/>
    <xsl:variable name="v24" select="24"/>
    <xsl:variable name="v25" select="25"/>
    <xsl:variable name="v26" select="26"/>
    <xsl:variable name="v27" select="27"/>
    <xsl:variable name="v28" select="28"/>
    <xsl:variable name="v29" select="29"/>
    <xsl:variable name="v30" select="30"/>
    <xsl:variable name="v31" select="31"/>
    <xsl:variable name="v32" select="32"/>
    <xsl:variable name="v33" select="33"/>
    <xsl:variable name="v34" select="34"/>
    <xsl:variable name="v35" select="35"/>
    <xsl:variable name="v36" select="36"/>
    <xsl:variable name="v37" select="37"/>
    <xsl:variable name="v38" select="38"/>
    <xsl:variable name="v39" select="39"/>
    <xsl:variable name="v40" select="40"/>
    <xsl:variable name="v41" select="41"/>
    <xsl:variable name="v42" select="42"/>
    <xsl:variable name="v43" select="43"/>
    <xsl:variable name="v44" select="44"/>
    <xsl:variable name="v45" select="45"/>
    <xsl:variable name="v46" select="46"/>
    <xsl:variable name="v47" select="47"/>
    <xsl:variable name="v48" select="48"/>
    <xsl:variable name="v49" select="49"/>
    <xsl:variable name="v50" select="50"/>
    <xsl:variable name="v51" select="51"/>
    <xsl:variable name="v52" select="52"/>
    <xsl:variable name="v53" select="53"/>
    <xsl:variable name="v54" select="54"/>
    <xsl:variable name="v55" select="55"/>
    <xsl:variable name="v56" select="56"/>
    <xsl:variable name="v57" select="57"/>
    <xsl:variable name="v58" select="58"/>
    <xsl:variable name="v59" select="59"/>
    <xsl:variable name="v60" select="60"/>
    <xsl:variable name="v61" select="61"/>
    <xsl:variable name="v62" select="62"/>
    <xsl:variable name="v63" select="63"/>
    <xsl:variable name="v64" select="64"/>
    <xsl:variable name="v65" select="65"/>
    <xsl:variable name="v66" select="66"/>
    <xsl:variable name="v67" select="67"/>
    <xsl:variable name="v68" select="68"/>
    <xsl:variable name="v69" select="69"/>
    <xsl:variable name="v70" select="70"/>
    <xsl:variable name="v71" select="71"/>
    <xsl:variable name="v72" select="72"/>
    <xsl:variable name="v73" select="73"/>
    <xsl:variable name="v74" select="74"/>
    <xsl:variable name="v75" select="75"/>
    <xsl:variable name="v76" select="76"/>
    <xsl:variable name="v77" select="77"/>
    <xsl:variable name="v78" select="78"/>
    <xsl:variable name="v79" select="79"/>
    <xsl:variable name="v80" select="80"/>
    <xsl:variable name="v81" select="81"/>
    <xsl:variable name="v82" select="82"/>
    <xsl:variable name="v83" select="83"/>
    <xsl:variable name="v84" select="84"/>
    <xsl:variable name="v85" select="85"/>
    <xsl:variable name="v86" select="86"/>
    <xsl:variable name="v87" select="87"/>
    <xsl:variable name="v88" select="88"/>
    <xsl:variable name="v89" select="89"/>
    <xsl:variable name="v90" select="90"/>
    <xsl:variable name="v91" select="91"/>
    <xsl:variable name="v92" select="92"/>
    <xsl:variable name="v93" select="93"/>
    <xsl:variable name="v94" select="94"/>
    <xsl:variable name="v95" select="95"/>
    <xsl:variable name="v96" select="96"/>
    <xsl:variable name="v97" select="97"/>
    <xsl:variable name="v98" select="98"/>
    <xsl:variable name="v99" select="99"/>
    <xsl:if test="$n &lt; 300">
      <xsl:call-template name="level"><xsl:with-param name="n" select="$n + 1"/></xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
