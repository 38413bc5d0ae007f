import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectApi } from './api';
import { ApiProvider } from './api/context';
import { App } from './App';
import { initI18n } from './i18n';
import './styles.css';

initI18n();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ApiProvider api={connectApi()}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
