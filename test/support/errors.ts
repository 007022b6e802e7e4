import { ParameterError } from '../../nodes/OneSignal/helpers/validation';

/** Runs a pure helper that must refuse its input, and returns the ParameterError it threw. */
export function parameterError(run: () => unknown): ParameterError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(ParameterError);
		return error as ParameterError;
	}
	throw new Error('expected a ParameterError');
}
