import { t } from '../platform/i18n';
import type { ProviderInfo } from '../recommendation/catalogue';

/** A provider's name as the choices show it, marked where playing or watching needs an account. */
export const providerLabel = (provider: ProviderInfo): string =>
  provider.account ? t('provider_accountNeeded', provider.name) : provider.name;
