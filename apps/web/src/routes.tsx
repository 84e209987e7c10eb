import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { Loading } from './components/common';
import { AppLayout } from './components/Layout';
import { LoginPage } from './pages/LoginPage';
import { can, useSession } from './session';

// One chunk per screen group: a phone opening its inbox does not download the charts and the map.
const InboxPage = lazy(() => import('./pages/InboxPage'));
const DeliveryPage = lazy(() => import('./pages/DeliveryPage'));
const ComposePage = lazy(() => import('./pages/ComposePage'));
const DispatchesPage = lazy(() => import('./pages/DispatchesPage'));
const RolloutPage = lazy(() => import('./pages/RolloutPage'));
const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const ReportPage = lazy(() => import('./pages/ReportPage'));
const UnitsPage = lazy(() => import('./pages/UnitsPage'));
const UnitPage = lazy(() => import('./pages/UnitPage'));
const OnboardProvincePage = lazy(() => import('./pages/OnboardProvincePage'));
const LinkPage = lazy(() => import('./pages/LinkPage'));

function Home() {
  const { me } = useSession();
  if (me?.role === 'leader') return <Navigate to="/bang-theo-doi" replace />;
  if (can.compose(me)) return <Navigate to="/cong-van" replace />;
  return <Navigate to="/cong-van-den" replace />;
}

function Signed() {
  const { me, loading, signedOutByUser } = useSession();
  const loc = useLocation();
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/dang-nhap" replace state={signedOutByUser ? null : { from: loc.pathname + loc.search }} />;
  return (
    <AppLayout>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/cong-van-den" element={<InboxPage />} />
          <Route path="/cong-van-den/:deliveryId" element={<DeliveryPage />} />
          <Route path="/soan-cong-van" element={<ComposePage />} />
          <Route path="/soan-cong-van/:id" element={<ComposePage />} />
          <Route path="/cong-van" element={<DispatchesPage />} />
          <Route path="/cong-van/:id" element={<RolloutPage />} />
          <Route path="/bang-theo-doi" element={<DashboardPage />} />
          <Route path="/bang-theo-doi/:id" element={<ReportPage />} />
          <Route path="/don-vi" element={<UnitsPage />} />
          <Route path="/don-vi/tiep-nhan-tinh" element={<OnboardProvincePage />} />
          <Route path="/don-vi/:id" element={<UnitPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Suspense>
    </AppLayout>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/dang-nhap" element={<LoginPage />} />
      <Route
        path="/lien-ket/:token"
        element={
          <Suspense fallback={<Loading />}>
            <LinkPage />
          </Suspense>
        }
      />
      <Route path="*" element={<Signed />} />
    </Routes>
  );
}
