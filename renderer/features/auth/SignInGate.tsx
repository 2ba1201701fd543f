import { useState } from 'react';
import { RecoverForm } from './RecoverForm';
import { SignInForm } from './SignInForm';

/** The locked state: sign in, or (administrators) reset a forgotten password with the recovery code. */
export function SignInGate({ officeName, lockReason }: { officeName: string; lockReason: 'idle' | null }) {
  const [recovering, setRecovering] = useState(false);
  return (
    <div className="desk-centered">
      {recovering ? (
        <RecoverForm onBack={() => setRecovering(false)} />
      ) : (
        <SignInForm officeName={officeName} lockReason={lockReason} onRecover={() => setRecovering(true)} />
      )}
    </div>
  );
}
