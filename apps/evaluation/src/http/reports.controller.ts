import { Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ReportCommands } from '../application/reports/report-commands';
import { ReportQueries } from '../application/reports/report-queries';
import { outcomeChartSvg, reportCsv } from '../application/reports/report-exports';
import { Access, CallerName, ownParam, Roles, STAFF } from '@cmp/platform';
import { ReportQuery } from './reports.requests';
import { publishedReportResponse } from './reports.responses';

/** The programme's KPIs as JSON, CSV and SVG; partners get their own suppressed aggregates. */
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: ReportQueries,
    private readonly commands: ReportCommands,
  ) {}

  @Get('reports')
  @Roles('coordinator', 'admin')
  programme(@Query() query: ReportQuery) {
    return this.reports.programmeReport(cohortIdsOf(query));
  }

  @Get('reports/export.csv')
  @Roles('coordinator', 'admin')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="cmp-kpis.csv"')
  async csv(@Query() query: ReportQuery) {
    return reportCsv(await this.reports.programmeReport(cohortIdsOf(query)));
  }

  @Get('reports/outcomes.svg')
  @Roles('coordinator', 'admin')
  @Header('content-type', 'image/svg+xml; charset=utf-8')
  async chart(@Query() query: ReportQuery) {
    return outcomeChartSvg(await this.reports.programmeReport(cohortIdsOf(query)));
  }

  @Get('reports/cohorts/:id')
  @Roles('coordinator', 'admin')
  cohort(@Param('id', ParseUUIDPipe) cohortId: string) {
    return this.reports.cohortReport(cohortId);
  }

  @Get('reports/cohorts/:id/export.csv')
  @Roles('coordinator', 'admin')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="cmp-cohort-kpis.csv"')
  async cohortCsv(@Param('id', ParseUUIDPipe) cohortId: string) {
    return reportCsv(await this.reports.programmeReport([cohortId]));
  }

  @Post('reports/cohorts/:id/publish')
  @HttpCode(201)
  @Roles('coordinator', 'admin')
  async publish(@CallerName() actor: string, @Param('id', ParseUUIDPipe) cohortId: string) {
    return publishedReportResponse(await this.commands.publish(actor, cohortId));
  }

  @Get('partners/:organisationId/report')
  @Access({ ...STAFF, partner: ownParam('organisationId') })
  partner(@Param('organisationId', ParseUUIDPipe) organisationId: string) {
    return this.reports.partnerReport(organisationId);
  }
}

function cohortIdsOf(query: ReportQuery): string[] | undefined {
  return query.cohortIds ? query.cohortIds.split(',').map((id) => id.toLowerCase()) : undefined;
}
