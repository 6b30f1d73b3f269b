# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""OCI regions and realms: region ids and short codes, the realm's domain, the region of an OCID."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import re

REGION_PATTERN = re.compile(r"^[a-z]{2,}(-[a-z0-9]+)*-[0-9]+\Z")  # us-chicago-1, us-gov-ashburn-1, eu-dcc-dublin-1

# Short code -> region id, per realm (oci SDK 2.189.0 tables).
_REALM_REGIONS = {
    "oc1": "lej=af-casablanca-1 jnb=af-johannesburg-1 hsg=ap-batam-1 yny=ap-chuncheon-1 onm=ap-delhi-1"
           " hyd=ap-hyderabad-1 jbp=ap-kulai-2 mel=ap-melbourne-1 bom=ap-mumbai-1 kix=ap-osaka-1 icn=ap-seoul-1"
           " sin=ap-singapore-1 xsp=ap-singapore-2 syd=ap-sydney-1 nrt=ap-tokyo-1 yul=ca-montreal-1"
           " yyz=ca-toronto-1 ams=eu-amsterdam-1 fra=eu-frankfurt-1 mad=eu-madrid-1 orf=eu-madrid-3"
           " mrs=eu-marseille-1 lin=eu-milan-1 cdg=eu-paris-1 arn=eu-stockholm-1 nrq=eu-turin-1"
           " zrh=eu-zurich-1 mtz=il-jerusalem-1 auh=me-abudhabi-1 dxb=me-dubai-1 jed=me-jeddah-1"
           " ruh=me-riyadh-1 mty=mx-monterrey-1 qro=mx-queretaro-1 bog=sa-bogota-1 scl=sa-santiago-1"
           " gru=sa-saopaulo-1 vap=sa-valparaiso-1 vcp=sa-vinhedo-1 cwl=uk-cardiff-1 lhr=uk-london-1"
           " iad=us-ashburn-1 ord=us-chicago-1 phx=us-phoenix-1 aga=us-saltlake-2 sjc=us-sanjose-1",
    "oc2": "lfi=us-langley-1 luf=us-luke-1",
    "oc3": "ric=us-gov-ashburn-1 pia=us-gov-chicago-1 tus=us-gov-phoenix-1",
    "oc4": "brs=uk-gov-cardiff-1 ltn=uk-gov-london-1",
    "oc8": "nja=ap-chiyoda-1 ukb=ap-ibaraki-1",
    "oc9": "mct=me-dcc-muscat-1 ibr=me-ibri-1",
    "oc10": "wga=ap-dcc-canberra-1",
    "oc14": "ork=eu-dcc-dublin-1 snn=eu-dcc-dublin-2 bgy=eu-dcc-milan-1 mxp=eu-dcc-milan-2"
            " dus=eu-dcc-rating-1 dtm=eu-dcc-rating-2",
    "oc15": "dac=ap-dcc-gazipur-1",
    "oc19": "str=eu-frankfurt-2 vll=eu-madrid-2",
    "oc20": "beg=eu-jovanovac-1",
    "oc21": "vve=me-alrayyan-1 doh=me-dcc-doha-1",
    "oc23": "ebb=us-somerset-1 ebl=us-thames-1",
    "oc24": "avf=eu-crissier-1 avz=eu-dcc-zurich-1",
    "oc26": "ahu=me-abudhabi-3 rba=me-alain-1",
    "oc29": "rkt=me-abudhabi-2 shj=me-abudhabi-4",
    "oc35": "bno=ap-chuncheon-2 dtz=ap-seoul-2 dln=ap-suwon-1",
    "oc42": "yxj=us-ashburn-2 pgc=us-newark-1",
    "oc51": "jsk=eu-budapest-1",
    "oc52": "hnw=sa-riodejaneiro-1",
}
# Realms not listed use oraclecloud<N>.com.
_REALM_DOMAINS = {
    "oc1": "oraclecloud.com",
    "oc2": "oraclegovcloud.com",
    "oc3": "oraclegovcloud.com",
    "oc4": "oraclegovcloud.uk",
    "oc19": "oraclecloud.eu",
}
REGION_SHORT_CODES = {}
REGION_REALMS = {}
for _realm, _pairs in _REALM_REGIONS.items():
    for _pair in _pairs.split():
        _short, _region = _pair.split("=")
        REGION_SHORT_CODES[_short] = _region
        REGION_REALMS[_region] = _realm


def canonical_region(region):
    """Region id for a region id or short code (``iad`` -> ``us-ashburn-1``); unknown names pass through."""
    name = region.strip().lower()
    return REGION_SHORT_CODES.get(name, name)


def added_region():
    """The region that env ``OCI_REGION_METADATA`` adds, as the SDK reads it (a JSON object with
    ``regionIdentifier`` and ``realmDomainComponent``): a region newer than the table. {} when unset or unusable."""
    try:
        added = json.loads(os.environ.get("OCI_REGION_METADATA") or "{}")
    except ValueError:
        return {}
    return added if isinstance(added, dict) and isinstance(added.get("regionIdentifier"), str) else {}


def realm_domain(region):
    """Second-level domain of the region's realm (``oraclecloud.com`` for oc1).

    Unknown regions use the domain of env ``OCI_REGION_METADATA`` for its region, else env ``OCI_DEFAULT_REALM``
    (a domain, as the SDK reads it), else oc1's.
    """
    realm = REGION_REALMS.get(canonical_region(region))
    if realm is None:
        added = added_region()
        if added.get("regionIdentifier") == canonical_region(region) and added.get("realmDomainComponent"):
            return added["realmDomainComponent"]
        return os.environ.get("OCI_DEFAULT_REALM") or _REALM_DOMAINS["oc1"]
    return _REALM_DOMAINS.get(realm) or "oraclecloud%s.com" % realm[2:]


def region_from_ocid(ocid):
    """Region id from the 4th segment of a regional OCID, or None for global OCIDs and non-OCIDs."""
    parts = (ocid or "").split(".")
    if len(parts) < 5 or not parts[0].startswith("ocid") or not parts[3]:
        return None
    return canonical_region(parts[3])
