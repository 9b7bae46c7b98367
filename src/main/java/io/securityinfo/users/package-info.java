/**
 * The administrators' "Users" pages: find a person, see and clear their security info, create accounts and
 * disable them. Built on the {@code account}, {@code securityinfo} and {@code audit} APIs, which do not know it.
 */
package io.securityinfo.users;
