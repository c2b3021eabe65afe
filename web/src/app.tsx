import { Loader, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import 'dayjs/locale/vi';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiError } from './api/api-error.ts';
import { AppLayout } from './components/app-layout.tsx';
import { PLANNED_AREAS } from './components/areas.ts';
import { AccountPage } from './routes/account/account-page.tsx';
import { AdmissionsPage } from './routes/admissions/admissions-page.tsx';
import { AuditPage } from './routes/audit/audit-page.tsx';
import { ComingSoonPage } from './routes/coming-soon/coming-soon-page.tsx';
import { DataQualityPage } from './routes/data-quality/data-quality-page.tsx';
import { DocumentPage } from './routes/documents/document-page.tsx';
import { DocumentQuestionsPage } from './routes/documents/document-questions-page.tsx';
import { DocumentStatsPage } from './routes/documents/document-stats-page.tsx';
import { DocumentsPage } from './routes/documents/documents-page.tsx';
import { ReviewDuePage } from './routes/documents/review-due-page.tsx';
import { TasksDuePage } from './routes/documents/tasks-due-page.tsx';
import { ImportsPage } from './routes/imports/imports-page.tsx';
import { LoginPage } from './routes/login/login-page.tsx';
import { MemberNewPage } from './routes/member-new/member-new-page.tsx';
import { MemberProfilePage } from './routes/member-profile/member-profile-page.tsx';
import { RatingsPage } from './routes/member-ratings/ratings-page.tsx';
import { MembersPage } from './routes/members/members-page.tsx';
import { MembersDuePage } from './routes/members-due/members-due-page.tsx';
import { NotFoundPage } from './routes/not-found/not-found-page.tsx';
import { OrgTreePage } from './routes/org-tree/org-tree-page.tsx';
import { OrgUnitPage } from './routes/org-unit/org-unit-page.tsx';
import { ReorganizePage } from './routes/reorganize/reorganize-page.tsx';
import { theme } from './theme.ts';

// The dashboard brings ECharts: it is fetched only when the statistics screen is opened.
const MemberStatsPage = lazy(() =>
  import('./routes/member-stats/member-stats-page.tsx').then((module) => ({
    default: module.MemberStatsPage,
  })),
);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx answer will not change by asking again.
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
    },
  },
});

function AppRoutes() {
  return (
    <Routes>
      <Route path="login" element={<LoginPage />} />
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to="/orgs" replace />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="orgs" element={<OrgTreePage />} />
        <Route path="orgs/reorganize" element={<ReorganizePage />} />
        <Route path="orgs/:code" element={<OrgUnitPage />} />
        <Route path="members" element={<MembersPage />} />
        <Route path="members/new" element={<MemberNewPage />} />
        <Route path="members/due" element={<MembersDuePage />} />
        <Route path="members/admissions" element={<AdmissionsPage />} />
        <Route path="members/ratings" element={<RatingsPage />} />
        <Route path="members/quality" element={<DataQualityPage />} />
        <Route
          path="members/stats"
          element={
            <Suspense fallback={<Loader size="sm" />}>
              <MemberStatsPage />
            </Suspense>
          }
        />
        <Route path="members/:id" element={<MemberProfilePage />} />
        <Route path="security/audit" element={<AuditPage />} />
        <Route path="imports" element={<ImportsPage />} />
        <Route path="documents" element={<DocumentsPage />} />
        <Route path="documents/questions" element={<DocumentQuestionsPage />} />
        <Route path="documents/stats" element={<DocumentStatsPage />} />
        <Route path="documents/tasks" element={<TasksDuePage />} />
        <Route path="documents/review" element={<ReviewDuePage />} />
        <Route path="documents/:id" element={<DocumentPage />} />
        {PLANNED_AREAS.map((area) => (
          <Route key={area.id} path={area.path.slice(1)} element={<ComingSoonPage areaId={area.id} />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  const { i18n } = useTranslation();
  return (
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'vi', firstDayOfWeek: 1 }}>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
