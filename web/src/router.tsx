import { createBrowserRouter, type RouteObject } from 'react-router';
import { NotFound, PageLoading } from './components/Results';
import { AppShell } from './shell/AppShell';
import { RequireAuth } from './shell/RequireAuth';
import { RequirePermission } from './shell/RequirePermission';

/** Pages are split per area (auth, home, org, accounts, audit, catalog, guide) and loaded on demand. */
const auth = () => import('./pages/auth');
const org = () => import('./pages/org');
const accounts = () => import('./pages/accounts');
const security = () => import('./pages/security');
const catalog = () => import('./pages/catalog');
const guide = () => import('./pages/guide');
const consult = () => import('./pages/consult');
const queue = () => import('./pages/queue');
const rating = () => import('./pages/rating');
const supervision = () => import('./pages/supervision');
const statsPages = () => import('./pages/stats');
const reception = () => import('./pages/reception');
const cases = () => import('./pages/cases');
const calendar = () => import('./pages/calendar');
const township = () => import('./pages/township');
const people = () => import('./pages/people');
const prereview = () => import('./pages/prereview');
const archives = () => import('./pages/archives');
const equipment = () => import('./pages/equipment');
const appointments = () => import('./pages/appointments');
const emergency = () => import('./pages/emergency');
const staff = () => import('./pages/staff');
const complaints = () => import('./pages/complaints');
const inspections = () => import('./pages/inspections');
const reportPages = () => import('./pages/reports');
const assessment = () => import('./pages/assessment');

function guarded(anyOf: string[], children: RouteObject[]): RouteObject {
  return { element: <RequirePermission anyOf={anyOf} />, children };
}

const routes: RouteObject[] = [
  { path: '/login', lazy: async () => ({ Component: (await auth()).LoginPage }) },
  // The hall floor's own screens, without sign-in: ticket kiosk, hall display, a ticket followed by phone, the rating pad.
  { path: '/kiosk/:hallId?', lazy: async () => ({ Component: (await queue()).KioskPage }) },
  { path: '/kiosk/:hallId/check-in', lazy: async () => ({ Component: (await appointments()).CheckInPage }) },
  { path: '/display/:hallId', lazy: async () => ({ Component: (await queue()).DisplayPage }) },
  // A ticket followed by phone (the slip's QR code), in the public layout like the guide and the progress lookup.
  {
    path: '/queue/ticket/:id',
    lazy: async () => ({ Component: (await guide()).PublicLayout }),
    children: [{ index: true, lazy: async () => ({ Component: (await queue()).TicketStatusPage }) }],
  },
  { path: '/pad/:windowId', lazy: async () => ({ Component: (await rating()).PadPage }) },
  // 办件评价: the applicant rates a completed case from the SMS link, on a phone, in the public layout.
  {
    path: '/rate/:token',
    lazy: async () => ({ Component: (await guide()).PublicLayout }),
    children: [{ index: true, lazy: async () => ({ Component: (await rating()).RatePage }) }],
  },
  // Public case progress (from the receipt's QR code), in the public layout.
  {
    path: '/progress',
    lazy: async () => ({ Component: (await guide()).PublicLayout }),
    children: [{ index: true, lazy: async () => ({ Component: (await import('./pages/progress')).ProgressPage }) }],
  },
  // 网上预审: the applicant applies and follows the application online, on a phone.
  {
    path: '/prereview',
    lazy: async () => ({ Component: (await guide()).PublicLayout }),
    children: [
      { index: true, lazy: async () => ({ Component: (await prereview()).ApplicationPage }) },
      { path: 'apply/:itemId', lazy: async () => ({ Component: (await prereview()).ApplyPage }) },
    ],
  },
  // 网上预约: book, look up, cancel or change by code, in the public layout (phone first).
  {
    path: '/booking',
    lazy: async () => ({ Component: (await guide()).PublicLayout }),
    children: [{ index: true, lazy: async () => ({ Component: (await appointments()).BookingPage }) }],
  },
  // 网上投诉举报: the public form and the lookup by number and code (phone first).
  {
    path: '/complaint',
    lazy: async () => ({ Component: (await guide()).PublicLayout }),
    children: [{ index: true, lazy: async () => ({ Component: (await complaints()).PublicComplaintPage }) }],
  },
  {
    path: '/guide',
    lazy: async () => ({ Component: (await guide()).PublicLayout }),
    children: [
      { index: true, lazy: async () => ({ Component: (await guide()).GuideListPage }) },
      { path: 'consult', lazy: async () => ({ Component: (await guide()).OnlineConsultPage }) },
      { path: ':id', lazy: async () => ({ Component: (await guide()).GuideDetailPage }) },
    ],
  },
  {
    path: '/',
    element: <RequireAuth />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./pages/home/HomePage')).HomePage }) },
          { path: 'account/password', lazy: async () => ({ Component: (await auth()).ChangePasswordPage }) },
          { path: 'account/security', lazy: async () => ({ Component: (await security()).SecurityPage }) },
          guarded(
            ['account.approve_admin'],
            [{ path: 'admin/requests', lazy: async () => ({ Component: (await security()).AdminRequestsPage }) }],
          ),
          guarded(
            ['archive.read'],
            [
              { path: 'archives', lazy: async () => ({ Component: (await archives()).ArchivesPage }) },
              { path: 'archives/disposal', lazy: async () => ({ Component: (await archives()).DisposalPage }) },
            ],
          ),
          guarded(
            ['archive.borrow'],
            [{ path: 'archives/loans', lazy: async () => ({ Component: (await archives()).LoansPage }) }],
          ),
          guarded(
            ['equipment.read'],
            [{ path: 'equipment', lazy: async () => ({ Component: (await equipment()).EquipmentPage }) }],
          ),
          guarded(
            ['org.read'],
            [
              { path: 'admin/halls', lazy: async () => ({ Component: (await org()).HallsPage }) },
              { path: 'admin/departments', lazy: async () => ({ Component: (await org()).DepartmentsPage }) },
              { path: 'admin/windows', lazy: async () => ({ Component: (await org()).WindowsPage }) },
            ],
          ),
          guarded(
            ['account.read'],
            [
              { path: 'admin/users', lazy: async () => ({ Component: (await accounts()).UsersPage }) },
              { path: 'admin/roles', lazy: async () => ({ Component: (await accounts()).RolesPage }) },
            ],
          ),
          guarded(
            ['policy.manage', 'account.read'],
            [{ path: 'admin/policy', lazy: async () => ({ Component: (await accounts()).PolicyPage }) }],
          ),
          guarded(
            ['apikey.manage'],
            [
              {
                path: 'admin/api-keys',
                lazy: async () => ({ Component: (await import('./pages/apikeys')).ApiKeysPage }),
              },
            ],
          ),
          guarded(
            ['personal.unseal'],
            [
              {
                path: 'admin/unseal-requests',
                lazy: async () => ({
                  Component: (await import('./pages/privacy/UnsealRequestsPage')).UnsealRequestsPage,
                }),
              },
            ],
          ),
          guarded(
            ['audit.read'],
            [{ path: 'audit', lazy: async () => ({ Component: (await import('./pages/audit/AuditPage')).AuditPage }) }],
          ),
          guarded(
            ['catalog.read'],
            [
              { path: 'catalog', lazy: async () => ({ Component: (await catalog()).CatalogListPage }) },
              guarded(
                ['catalog.manage'],
                [{ path: 'catalog/new', lazy: async () => ({ Component: (await catalog()).ItemEditorPage }) }],
              ),
              { path: 'catalog/:id', lazy: async () => ({ Component: (await catalog()).ItemEditorPage }) },
            ],
          ),
          guarded(
            ['consult.handle'],
            [
              { path: 'consultations', lazy: async () => ({ Component: (await consult()).ConsultListPage }) },
              { path: 'consultations/:id', lazy: async () => ({ Component: (await consult()).ConsultDetailPage }) },
            ],
          ),
          guarded(
            ['knowledge.read'],
            [
              {
                path: 'knowledge',
                lazy: async () => ({ Component: (await import('./pages/knowledge')).KnowledgePage }),
              },
            ],
          ),
          guarded(
            ['queue.serve'],
            [{ path: 'queue/window', lazy: async () => ({ Component: (await queue()).WindowPage }) }],
          ),
          guarded(
            ['queue.manage'],
            [{ path: 'queue/setup', lazy: async () => ({ Component: (await queue()).SetupPage }) }],
          ),
          guarded(
            ['training.manage'],
            [{ path: 'training', lazy: async () => ({ Component: (await people()).TrainingPage }) }],
          ),
          guarded(
            ['conduct.manage'],
            [
              { path: 'conduct', lazy: async () => ({ Component: (await people()).ConductPage }) },
              { path: 'meetings', lazy: async () => ({ Component: (await people()).MeetingsPage }) },
            ],
          ),
          guarded(
            ['appointment.book', 'appointment.manage'],
            [{ path: 'appointments', lazy: async () => ({ Component: (await appointments()).AppointmentsPage }) }],
          ),
          guarded(
            ['webhook.manage'],
            [
              {
                path: 'admin/webhooks',
                lazy: async () => ({ Component: (await import('./pages/webhooks')).WebhooksPage }),
              },
            ],
          ),
          guarded(
            ['notice.view'],
            [
              {
                path: 'notices',
                lazy: async () => ({ Component: (await import('./pages/notices')).NoticeLogPage }),
              },
              {
                path: 'notices/templates',
                lazy: async () => ({ Component: (await import('./pages/notices')).TemplatesPage }),
              },
            ],
          ),
          guarded(
            ['rating.follow_up'],
            [{ path: 'rating/follow-ups', lazy: async () => ({ Component: (await rating()).FollowUpsPage }) }],
          ),
          guarded(
            ['rating.follow_up'],
            [{ path: 'rating/case-tasks', lazy: async () => ({ Component: (await rating()).CaseRatingTasksPage }) }],
          ),
          guarded(
            ['staff.self', 'rating.appeal.decide', 'rating.follow_up'],
            [{ path: 'rating/case-feedback', lazy: async () => ({ Component: (await rating()).CaseFeedbackPage }) }],
          ),
          guarded(
            ['incident.record'],
            [{ path: 'emergency', lazy: async () => ({ Component: (await emergency()).EmergencyPage }) }],
          ),
          guarded(
            ['fee.report', 'fee.approve'],
            [{ path: 'fees', lazy: async () => ({ Component: (await emergency()).FeesPage }) }],
          ),
          guarded(
            ['reception.register'],
            [
              { path: 'reception', lazy: async () => ({ Component: (await reception()).ReceptionPage }) },
              { path: 'township', lazy: async () => ({ Component: (await township()).TownshipPage }) },
              { path: 'prereviews', lazy: async () => ({ Component: (await prereview()).PrereviewDeskPage }) },
            ],
          ),
          guarded(['staff.self'], [{ path: 'staff', lazy: async () => ({ Component: (await staff()).StaffPage }) }]),
          guarded(
            ['case.read'],
            [
              { path: 'cases', lazy: async () => ({ Component: (await cases()).CaseListPage }) },
              { path: 'cases/:id', lazy: async () => ({ Component: (await cases()).CaseDetailPage }) },
              { path: 'inbox', lazy: async () => ({ Component: (await cases()).InboxPage }) },
              { path: 'applicants/:id', lazy: async () => ({ Component: (await reception()).ApplicantFilePage }) },
            ],
          ),
          guarded(
            ['org.read'],
            [{ path: 'admin/calendar', lazy: async () => ({ Component: (await calendar()).CalendarPage }) }],
          ),
          guarded(
            ['supervision.view'],
            [
              { path: 'supervision', lazy: async () => ({ Component: (await supervision()).BoardPage }) },
              { path: 'supervision/on-time', lazy: async () => ({ Component: (await supervision()).OnTimePage }) },
            ],
          ),
          { path: 'alerts', lazy: async () => ({ Component: (await supervision()).AlertsPage }) },
          // 统计分析: the director's dashboard, for those who watch the hall's figures.
          guarded(
            ['supervision.view'],
            [{ path: 'stats', lazy: async () => ({ Component: (await statsPages()).StatsDashboardPage }) }],
          ),
          // 工作报告: the station head's and supervisor's reports; 上级交办: one's own tasks handed down.
          guarded(
            ['report.manage'],
            [{ path: 'reports', lazy: async () => ({ Component: (await reportPages()).ReportsPage }) }],
          ),
          guarded(
            ['staff.self'],
            [{ path: 'my-tasks', lazy: async () => ({ Component: (await reportPages()).MyTasksPage }) }],
          ),
          guarded(
            ['case.read'],
            [
              {
                path: 'escalations',
                lazy: async () => ({ Component: (await import('./pages/case-support')).PendingEscalationsPage }),
              },
              {
                path: 'my-expert-requests',
                lazy: async () => ({ Component: (await import('./pages/case-support')).MyExpertRequestsPage }),
              },
            ],
          ),
          // 投诉举报: the desk checks the two posts itself (handle or supervise); the analysis is for supervisors.
          { path: 'complaints', lazy: async () => ({ Component: (await complaints()).ComplaintsPage }) },
          guarded(
            ['complaint.supervise'],
            [
              {
                path: 'complaints/analysis',
                lazy: async () => ({ Component: (await complaints()).ComplaintAnalysisPage }),
              },
            ],
          ),
          { path: 'complaints/:id', lazy: async () => ({ Component: (await complaints()).ComplaintDetailPage }) },
          guarded(
            ['objection.decide'],
            [{ path: 'objections', lazy: async () => ({ Component: (await complaints()).ObjectionsPage }) }],
          ),
          // 监督检查与整改: the inspector's sample and report; every staff member's own rectification notices.
          guarded(
            ['inspection.manage'],
            [
              { path: 'inspections', lazy: async () => ({ Component: (await inspections()).SamplePage }) },
              {
                path: 'inspections/report',
                lazy: async () => ({ Component: (await inspections()).QualityReportPage }),
              },
            ],
          ),
          guarded(
            ['staff.self', 'inspection.manage'],
            [{ path: 'rectifications', lazy: async () => ({ Component: (await inspections()).RectificationsPage }) }],
          ),
          // 考核: the supervisor's and station head's scorecards; everyone's own signed cards.
          guarded(
            ['assessment.review'],
            [{ path: 'assessment', lazy: async () => ({ Component: (await assessment()).AssessmentPage }) }],
          ),
          guarded(
            ['staff.self'],
            [{ path: 'my-assessment', lazy: async () => ({ Component: (await assessment()).MyAssessmentPage }) }],
          ),
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];

const fallback = <PageLoading />;
export const router = createBrowserRouter(routes.map((r) => ({ ...r, hydrateFallbackElement: fallback })));
