import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A decoder's stop handle. */
interface Stoppable {
  stop(): void;
}

/** Whether this device has a camera at all (no permission prompt: only asks for the device list). */
function useHasCamera(): boolean {
  const [has, setHas] = useState(false);
  useEffect(() => {
    let active = true;
    navigator.mediaDevices?.enumerateDevices().then(
      (devices) => active && setHas(devices.some((device) => device.kind === 'videoinput')),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, []);
  return has;
}

/**
 * Reads the ticket QR with the device's camera, where there is one; the code goes to the same
 * exact lookup as a scanner's. The decoder (zxing) loads only when the camera is opened.
 */
export function CameraScan({ onCode, large = false }: { onCode: (code: string) => void; large?: boolean }) {
  const { t } = useTranslation();
  const hasCamera = useHasCamera();
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const latest = useRef(onCode);
  useEffect(() => {
    latest.current = onCode;
  });

  useEffect(() => {
    if (!open || !video.current) return;
    let controls: Stoppable | undefined;
    let stopped = false;
    const element = video.current;
    void import('@zxing/browser')
      .then(({ BrowserQRCodeReader }) =>
        new BrowserQRCodeReader().decodeFromVideoDevice(undefined, element, (result) => {
          if (!result || stopped) return;
          stopped = true;
          controls?.stop();
          setOpen(false);
          latest.current(result.getText());
        }),
      )
      .then(
        (made) => {
          controls = made;
          if (stopped) made.stop();
        },
        () => {
          setFailed(true);
          setOpen(false);
        },
      );
    return () => {
      stopped = true;
      controls?.stop();
    };
  }, [open]);

  if (!hasCamera) return null;
  return (
    <>
      <button type="button" className={`secondary camera-button ${large ? 'is-large' : ''}`} onClick={() => setOpen((now) => !now)}>
        {open ? t('door.cameraClose') : t('door.camera')}
      </button>
      {failed && <p role="alert">{t('door.cameraFailed')}</p>}
      {open && (
        <div className="camera-view">
          <video ref={video} muted playsInline aria-label={t('door.cameraView')} />
        </div>
      )}
    </>
  );
}
