import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import './ui/app.css';
import './offline/register'; // the service worker (production builds): offline after one visit

const root = document.getElementById('root');
if (!root) throw new Error('index.html: no #root element — the app has nowhere to mount');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
