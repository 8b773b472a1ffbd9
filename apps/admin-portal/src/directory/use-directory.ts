import { useQuery } from '@tanstack/react-query';
import { directoryApi, enterprisesApi, flagSetsApi, queryKeys } from '../api/index.js';

// Users, groups, flag sets and enterprise customers feed the pickers and selects of several pages.

export function useUsers() {
  return useQuery({ queryKey: queryKeys.users, queryFn: directoryApi.users, staleTime: 30_000 });
}

export function useGroups() {
  return useQuery({ queryKey: queryKeys.groups, queryFn: directoryApi.groups, staleTime: 30_000 });
}

export function useEnterpriseCustomers() {
  return useQuery({ queryKey: queryKeys.enterprises, queryFn: enterprisesApi.list, staleTime: 30_000 });
}

export function useFlagSets() {
  return useQuery({ queryKey: queryKeys.flagSets, queryFn: () => flagSetsApi.list(), staleTime: 30_000 });
}
