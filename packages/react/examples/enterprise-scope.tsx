import { FlagProvider } from '@waffle-kit/react';
import type { ReactNode } from 'react';

export function EnterpriseFlags(props: {
  customerUuid: string;
  username: string | null;
  children: ReactNode;
}) {
  return (
    <FlagProvider
      enterpriseCustomerUuid={props.customerUuid}
      user={props.username}
      onExposure={(name, value) => console.info('exposed', name, value)}
    >
      {props.children}
    </FlagProvider>
  );
}
