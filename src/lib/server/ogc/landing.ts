/** The landing page: what this API is and where its parts are. */
export function landingPage(base: string) {
  return {
    title: 'Border Risk Map: OGC API - Features',
    description:
      'Layers of the Border Risk Map (provinces, frontier, gates, waterways, trails, seizures, ' +
      'patrol routes) as OGC API - Features. Bản đồ rủi ro biên giới: các lớp dữ liệu theo chuẩn OGC.',
    links: [
      { rel: 'self', type: 'application/json', title: 'This document', href: base },
      {
        rel: 'service-desc',
        type: 'application/vnd.oai.openapi+json;version=3.0',
        title: 'The API definition (OpenAPI 3.0)',
        href: `${base}/api`,
      },
      {
        rel: 'conformance',
        type: 'application/json',
        title: 'Conformance classes',
        href: `${base}/conformance`,
      },
      { rel: 'data', type: 'application/json', title: 'Collections', href: `${base}/collections` },
    ],
  };
}
