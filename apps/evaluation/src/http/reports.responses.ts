import { PublishedReportReceipt } from '../application/reports/report-commands';

export function publishedReportResponse(receipt: PublishedReportReceipt) {
  return { reportId: receipt.reportId, publishedAt: receipt.publishedAt.toISOString(), kpis: receipt.kpis };
}
